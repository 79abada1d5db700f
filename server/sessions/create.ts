import { randomBytes } from 'node:crypto';
import { matchMaker } from '@colyseus/core';
import type { CreateSessionResponse } from '../../shared/protocol/http.ts';
import type { SettingsPatch } from '../../shared/protocol/toServer.ts';
import type { CodeGuard } from '../http/rateLimit.ts';
import { type CreateOptions, hashSecret } from '../rooms/SessionRoom.ts';
import type { SessionDirectory } from './directory.ts';

export interface Creator {
  directory: SessionDirectory;
  capability: string;
  codes: CodeGuard;
}

/**
 * Creates a live session, new or a what-if fork, the one way both the API and the replay list do: a fresh host
 * secret (only its hash reaches the room), a join code unique on this server (and across processes), and the network that asked
 * remembered as knowing the code. Throws the room's refusal when it cannot be made.
 */
export async function createLiveSession(
  services: Creator,
  network: string,
  start: { seed: number; settings?: SettingsPatch; forkOf?: { sessionId: string; seq: number } },
): Promise<CreateSessionResponse> {
  const hostSecret = randomBytes(32).toString('base64url');
  const code = await services.directory.newCode();
  const options: CreateOptions = {
    capability: services.capability,
    code,
    hostSecretHash: hashSecret(hostSecret),
    ...start,
  };
  let room: Awaited<ReturnType<typeof matchMaker.createRoom>>;
  try {
    room = await matchMaker.createRoom('session', options);
  } catch (e) {
    await services.directory.releaseCode(code);
    throw e;
  }
  await services.codes.learned(network, code);
  return { code, hostSecret, roomId: room.roomId };
}
