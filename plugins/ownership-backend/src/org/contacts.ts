import type { Entity } from '@backstage/catalog-model';
import type { Contact } from '@ownership-portal/plugin-ownership-common';

const CHAT_TYPES = new Set(['chat', 'slack', 'teams', 'discord', 'mattermost']);
const CHAT_HOSTS =
  /(^|\.)(slack\.com|teams\.microsoft\.com|discord\.(com|gg)|mattermost\.[a-z.]+|chat\.google\.com|zulipchat\.com|gitter\.im)$/i;

function isChatLink(url: string, type?: string): boolean {
  if (type && CHAT_TYPES.has(type.toLocaleLowerCase('en-US'))) {
    return true;
  }
  try {
    return CHAT_HOSTS.test(new URL(url).hostname);
  } catch {
    return false;
  }
}

/** A group's contacts: its profile email and its chat links. */
export function contactsOf(entity: Entity): Contact[] {
  const contacts: Contact[] = [];
  const profile = entity.spec?.profile as { email?: unknown } | undefined;
  if (typeof profile?.email === 'string' && profile.email.trim()) {
    contacts.push({
      type: 'email',
      label: profile.email,
      url: `mailto:${profile.email}`,
    });
  }
  for (const link of entity.metadata.links ?? []) {
    if (typeof link?.url === 'string' && isChatLink(link.url, link.type)) {
      contacts.push({
        type: 'chat',
        label: link.title ?? link.url,
        url: link.url,
      });
    }
  }
  return contacts;
}
