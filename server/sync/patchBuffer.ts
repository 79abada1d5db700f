import type { Room } from '@colyseus/core';
import { Encoder } from '@colyseus/schema';

/** The part of Colyseus's room this reaches into: its serializer's encoder and the buffer patches are written to. */
interface WithEncoder {
  _serializer?: { encoder?: { sharedBuffer?: Uint8Array } };
}

/**
 * Lets a room's patch buffer go once a patch has grown it past `Encoder.BUFFER_SIZE`. The encoder writes each
 * connection's part of a patch one after the other into one buffer, so the patch that deals out the world (each
 * of 30 students' copy of its desk's world view) grows it to several hundred KB, which the room then kept for its
 * whole life: about 0.3 MiB per session. A room that does not look like Colyseus 0.18's inside is left alone.
 */
export function releasePatchBuffer(room: Room): void {
  const encoder = (room as unknown as WithEncoder)._serializer?.encoder;
  if (encoder?.sharedBuffer && encoder.sharedBuffer.byteLength > Encoder.BUFFER_SIZE)
    encoder.sharedBuffer = new Uint8Array(Encoder.BUFFER_SIZE);
}
