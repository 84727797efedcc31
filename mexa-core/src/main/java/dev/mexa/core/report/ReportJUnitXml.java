package dev.mexa.core.report;

import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Renders {@code TEST-mexa.xml}, the gate in the JUnit XML format that CI servers show in their test tabs: one
 * test suite {@code mexa}, one test case per gated language (named by its code), a {@code failure} per failing
 * language holding its violation lines. Languages the gate did not check, and the pivot, are not test cases.
 */
public final class ReportJUnitXml {

    /** Name of the test suite, and the class name of its test cases. */
    static final String SUITE = "mexa";

    private ReportJUnitXml() {
    }

    /**
     * @param report a gated report
     * @return the XML document
     */
    public static String toXml(MexaReport report) {
        List<LanguageResult> gated = report.gated();
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", SUITE);
            xml.writeAttribute("tests", Integer.toString(gated.size()));
            xml.writeAttribute("failures", Integer.toString(report.failures().size()));
            xml.writeAttribute("errors", "0");
            xml.writeAttribute("skipped", "0");
            xml.writeAttribute("time", seconds(report.durationMillis()));
            if (report.createdAt() != null) {
                xml.writeAttribute("timestamp", report.createdAt());
            }
            xml.writeCharacters("\n");
            for (LanguageResult result : gated) {
                testCase(xml, report, result);
            }
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot render the JUnit XML report", e);
        }
        return text.toString();
    }

    private static void testCase(XMLStreamWriter xml, MexaReport report, LanguageResult result)
            throws XMLStreamException {
        xml.writeCharacters("  ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", SUITE);
        xml.writeAttribute("name", result.language());
        xml.writeAttribute("time", "0");
        if (result.verdict() == Verdict.FAIL) {
            xml.writeStartElement("failure");
            xml.writeAttribute("message", String.join("; ", result.violations()));
            xml.writeAttribute("type", "MEXA gate");
            xml.writeCharacters(String.join("\n", result.violations()));
            xml.writeEndElement();
        }
        xml.writeStartElement("system-out");
        xml.writeCharacters(result.language() + ": " + report.pooling() + "-pooled MEXA score "
                + ScoreFormat.score(result.score()) + (result.threshold() == null ? ""
                        : ", minimum " + ScoreFormat.brief(result.threshold()))
                + (result.baseline() == null ? "" : ", baseline " + ScoreFormat.score(result.baseline())));
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }
}
