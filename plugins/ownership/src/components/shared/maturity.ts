import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { MaturityLevel } from '@ownership-portal/plugin-ownership-common';
import { useMemo } from 'react';
import { ownershipTranslationRef } from '../../translation';

/** The words for the maturity levels 0 to 4, in the reader's language. */
interface MaturityText {
  /** `Documented`. */
  name(level: MaturityLevel): string;
  /** What a level means, for tooltips and help text. */
  description(level: MaturityLevel): string;
  /** `Level 3 · Documented`. */
  label(level: MaturityLevel): string;
}

const LEVELS: readonly MaturityLevel[] = [0, 1, 2, 3, 4];

function isLevel(level: number): level is MaturityLevel {
  return (LEVELS as readonly number[]).includes(level);
}

/** The names and meanings of the maturity levels, from the translation ref. */
export function useMaturityText(): MaturityText {
  const { t } = useTranslationRef(ownershipTranslationRef);
  return useMemo(() => {
    const name = (level: MaturityLevel) =>
      isLevel(level)
        ? t(`maturity.names.level${level}`)
        : t('maturity.unknown');
    return {
      name,
      description: level =>
        isLevel(level) ? t(`maturity.descriptions.level${level}`) : '',
      label: level =>
        t('maturity.label', { level: String(level), name: name(level) }),
    };
  }, [t]);
}
