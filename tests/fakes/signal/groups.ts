/** A group as `GET /v1/groups/{number}` lists it (bbernhard/signal-cli-rest-api client.GroupEntry). */
export interface FakeGroupEntry {
  name: string;
  description: string;
  /** `group.` form. */
  id: string;
  /** signal-cli raw id (base64 of 32 bytes). */
  internal_id: string;
  members: string[];
  blocked: boolean;
  member: boolean;
  pending_invites: string[];
  pending_requests: string[];
  invite_link: string;
  admins: string[];
  permissions: { add_members: string; edit_group: string; send_messages: string };
}

/** A group whose members and admins are `accounts`; `id` is `group.` + base64 of the raw id. */
export function newGroupEntry(name: string, internalId: string, accounts: readonly string[]): FakeGroupEntry {
  return {
    name,
    description: '',
    id: 'group.' + Buffer.from(internalId, 'utf8').toString('base64'),
    internal_id: internalId,
    members: [...accounts],
    blocked: false,
    member: true,
    pending_invites: [],
    pending_requests: [],
    invite_link: '',
    admins: [...accounts],
    permissions: { add_members: 'only-admins', edit_group: 'only-admins', send_messages: 'every-member' },
  };
}
