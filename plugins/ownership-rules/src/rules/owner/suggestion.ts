import type { ResolvedService } from '@ownership-portal/plugin-ownership-common';

/**
 * The sentence about the suggested owner in a remediation text, or an empty
 * string when the entity has no suggestion. A suggestion from CODEOWNERS
 * names the file and the team handle it maps from, and proposes it; one from
 * a System or Domain names that entity, and proposes it unless `form` is
 * `state`.
 */
export function suggestionSentence(
  service: ResolvedService,
  form: 'propose' | 'state' = 'propose',
): string {
  const suggested = service.suggestedOwner;
  if (!suggested) {
    return '';
  }
  if (suggested.source === 'codeowners') {
    const handle = service.codeowners?.mapped.find(
      m => m.entityRef === suggested.entityRef,
    )?.owner;
    const file = service.codeowners?.path ?? 'CODEOWNERS';
    return ` Its repository's ${file} (${suggested.via}) names ${
      handle ? `${handle}, that is ` : ''
    }${suggested.entityRef}; if that team owns it, write "owner: ${
      suggested.entityRef
    }".`;
  }
  return form === 'state'
    ? ` Its ${suggested.source} ${suggested.via} is owned by ${suggested.entityRef}.`
    : ` The ${suggested.source} ${suggested.via} is owned by ${suggested.entityRef}; if that team owns it, write "owner: ${suggested.entityRef}".`;
}
