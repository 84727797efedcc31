package dev.mexa.core.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One direct buffer reused from use to use and grown when a use needs more. A direct buffer's native memory is freed
 * only when the garbage collector finds it unreachable, and code that moves tensors around makes little Java garbage,
 * so a fresh direct buffer per tensor, entry or batch can keep many times its size resident waiting for a collection.
 * Not thread-safe: its owner serializes the uses. An engine array made from the buffer shares its memory, so such an
 * array must be copied or closed before the next use.
 */
public final class ReusedDirectBuffer {

    private final ByteOrder order;
    private ByteBuffer buffer = ByteBuffer.allocateDirect(0);

    /** @param order the byte order of the buffer handed out */
    public ReusedDirectBuffer(ByteOrder order) {
        this.order = order;
    }

    /**
     * @param bytes how many bytes the use needs
     * @return the buffer, position 0 and limit {@code bytes}, in this buffer's byte order
     */
    public ByteBuffer of(int bytes) {
        if (buffer.capacity() < bytes) {
            buffer = ByteBuffer.allocateDirect(bytes);
        }
        return buffer.clear().limit(bytes).order(order);
    }
}
