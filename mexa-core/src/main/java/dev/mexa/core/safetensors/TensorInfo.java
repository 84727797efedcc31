package dev.mexa.core.safetensors;

import java.util.Arrays;

/**
 * One tensor entry of a safetensors header: its name, element type, shape and byte range in the data section.
 *
 * @param name the tensor's name
 * @param dtype its element type
 * @param shape its dimensions (empty for a scalar)
 * @param begin offset of its first byte, relative to the start of the data section
 * @param end offset just past its last byte, relative to the start of the data section
 */
public record TensorInfo(String name, DType dtype, long[] shape, long begin, long end) {

    /** @return the number of elements, the product of the shape */
    public long elementCount() {
        long count = 1;
        for (long dim : shape) {
            count = Math.multiplyExact(count, dim);
        }
        return count;
    }

    /** @return the shape as a copy, safe to modify */
    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** @return the number of bytes of the data */
    public long byteLength() {
        return end - begin;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TensorInfo that
                && name.equals(that.name)
                && dtype == that.dtype
                && Arrays.equals(shape, that.shape)
                && begin == that.begin
                && end == that.end;
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return name + " " + dtype + Arrays.toString(shape) + " @" + begin + ".." + end;
    }
}
