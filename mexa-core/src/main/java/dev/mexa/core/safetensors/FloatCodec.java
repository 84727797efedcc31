package dev.mexa.core.safetensors;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Converts between Java floats and the floating point encodings of safetensors (F32, F16, BF16, F64), always
 * little-endian. BF16 is widened exactly ({@code bits << 16}); narrowing rounds to nearest even.
 */
public final class FloatCodec {

    private FloatCodec() {
    }

    /**
     * @param data little-endian encoded values; read from its position, which is left unchanged
     * @param dtype their encoding, one of F32, F16, BF16, F64
     * @param out where the float32 values go
     * @param offset index in {@code out} of the first value
     * @param count how many values to read
     */
    public static void decodeInto(ByteBuffer data, DType dtype, float[] out, int offset, int count) {
        ByteBuffer in = data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        switch (dtype) {
            case F32 -> in.asFloatBuffer().get(out, offset, count);
            case F64 -> {
                for (int i = 0; i < count; i++) {
                    out[offset + i] = (float) in.getDouble();
                }
            }
            case F16 -> {
                for (int i = 0; i < count; i++) {
                    out[offset + i] = float16ToFloat(in.getShort());
                }
            }
            case BF16 -> {
                for (int i = 0; i < count; i++) {
                    out[offset + i] = bfloat16ToFloat(in.getShort());
                }
            }
            default -> throw new IllegalArgumentException("not a floating point dtype: " + dtype);
        }
    }

    /**
     * @param values float32 values
     * @param dtype the encoding to write, one of F32, F16, BF16, F64
     * @return the little-endian bytes
     */
    public static byte[] encode(float[] values, DType dtype) {
        ByteBuffer out = ByteBuffer.allocate(values.length * dtype.bytes()).order(ByteOrder.LITTLE_ENDIAN);
        for (float value : values) {
            switch (dtype) {
                case F32 -> out.putFloat(value);
                case F64 -> out.putDouble(value);
                case F16 -> out.putShort(floatToFloat16(value));
                case BF16 -> out.putShort(floatToBfloat16(value));
                default -> throw new IllegalArgumentException("not a floating point dtype: " + dtype);
            }
        }
        return out.array();
    }

    /**
     * @param bits a bfloat16 value's bits
     * @return the value as float32, exactly
     */
    public static float bfloat16ToFloat(short bits) {
        return Float.intBitsToFloat((bits & 0xFFFF) << 16);
    }

    /**
     * @param value a float32 value
     * @return the nearest bfloat16 (ties to even); NaN stays NaN
     */
    public static short floatToBfloat16(float value) {
        if (Float.isNaN(value)) {
            return (short) 0x7FC0;
        }
        int bits = Float.floatToRawIntBits(value);
        int rounding = 0x7FFF + ((bits >>> 16) & 1);
        return (short) ((bits + rounding) >>> 16);
    }

    /**
     * @param bits an IEEE 754 half precision value's bits
     * @return the value as float32, exactly
     */
    public static float float16ToFloat(short bits) {
        int h = bits & 0xFFFF;
        int sign = (h & 0x8000) << 16;
        int exponent = (h >>> 10) & 0x1F;
        int mantissa = h & 0x3FF;
        if (exponent == 0x1F) {
            return Float.intBitsToFloat(sign | 0x7F800000 | (mantissa << 13));
        }
        if (exponent == 0) {
            float magnitude = mantissa * 0x1p-24f;
            return sign == 0 ? magnitude : -magnitude;
        }
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }

    /**
     * @param value a float32 value
     * @return the nearest half precision value's bits (ties to even), with overflow to infinity
     */
    public static short floatToFloat16(float value) {
        int bits = Float.floatToRawIntBits(value);
        int sign = (bits >>> 16) & 0x8000;
        if (Float.isNaN(value)) {
            return (short) (sign | 0x7E00);
        }
        float magnitude = Math.abs(value);
        if (magnitude >= 65520f) {
            return (short) (sign | 0x7C00);
        }
        if (magnitude < 0x1p-14f) {
            // subnormal half: a multiple of 2^-24, rounded to nearest even by Math.rint
            return (short) (sign | (int) Math.rint(magnitude * 0x1p24f));
        }
        int exponent = ((bits >>> 23) & 0xFF) - 112;
        int mantissa = bits & 0x7FFFFF;
        int half = (exponent << 10) | (mantissa >>> 13);
        int remainder = mantissa & 0x1FFF;
        if (remainder > 0x1000 || (remainder == 0x1000 && (half & 1) == 1)) {
            half++;
        }
        return (short) (sign | half);
    }
}
