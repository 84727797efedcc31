package dev.mexa.core.corpus;

import dev.mexa.core.MexaConfigurationException;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of N slices of the languages a run is asked to score ({@code shard}, {@code mexa.shard}, written {@code K/N}),
 * so that a CI matrix of N jobs embeds each language once. The slices are consecutive runs of the requested languages
 * in sorted order whose sizes differ by at most one: of M languages, shard K holds those at positions
 * {@code floor((K-1)M/N)} to {@code floor(KM/N) - 1}. They depend only on the requested languages, not on
 * the machine or the order the languages were given in, and together they hold every language exactly once. The pivot
 * is not sliced: every shard embeds it.
 *
 * @param index K, from 1 to {@link #count()}
 * @param count N, the number of shards
 */
public record Shard(int index, int count) {

    /** The whole run: one shard of one. */
    public static final Shard WHOLE = new Shard(1, 1);

    /** How messages name the setting, as both front ends spell it. */
    public static final String SETTING = "shard (mexa.shard)";

    private static final Pattern FORMAT = Pattern.compile("\\s*(\\d{1,9})\\s*/\\s*(\\d{1,9})\\s*");

    /**
     * @param written {@code K/N} as the user wrote it; null or blank for the whole run
     * @return the shard
     * @throws MexaConfigurationException naming {@value #SETTING} when the text is not {@code K/N} or K is not from 1
     *     to N
     */
    public static Shard parse(String written) {
        if (written == null || written.isBlank()) {
            return WHOLE;
        }
        Matcher matcher = FORMAT.matcher(written);
        if (!matcher.matches()) {
            throw new MexaConfigurationException("Invalid " + SETTING + " '" + written + "': write K/N, the K-th of N"
                    + " shards, e.g. 2/4 for the second of four jobs.");
        }
        int index = Integer.parseInt(matcher.group(1));
        int count = Integer.parseInt(matcher.group(2));
        if (index < 1 || index > count) {
            throw new MexaConfigurationException("Invalid " + SETTING + " " + index + "/" + count + ": K must be from 1"
                    + " to N (K/N, e.g. 2/4 for the second of four jobs).");
        }
        return new Shard(index, count);
    }

    /** @return whether this shard is the whole run ({@code 1/1}) */
    public boolean isWhole() {
        return count == 1;
    }

    /**
     * @param languages the requested languages, the pivot excluded, in any order
     * @return this shard's languages, sorted
     * @throws MexaConfigurationException naming {@value #SETTING} when there are fewer languages than shards, so that
     *     some shard would be empty
     */
    public List<String> slice(Collection<String> languages) {
        List<String> sorted = List.copyOf(new TreeSet<>(languages));
        int total = sorted.size();
        if (!isWhole() && count > total) {
            throw new MexaConfigurationException(SETTING + " " + this + " splits " + total + " language"
                    + (total == 1 ? "" : "s") + " (the pivot excluded) into " + count + " shards, so some shard would"
                    + " have none: use at most "
                    + Math.max(1, total) + " shards, or request more languages.");
        }
        return sorted.subList((int) ((long) (index - 1) * total / count), (int) ((long) index * total / count));
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
