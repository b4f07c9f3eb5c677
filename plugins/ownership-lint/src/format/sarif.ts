import type {
  RuleDescription,
  Severity,
} from '@ownership-portal/plugin-ownership-common';
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { relativePath } from '../paths';
import { sortFindings } from './summary';
import type { Formatter, FormatInput } from './types';

/** The SARIF schema URI written in `$schema`. */
const SARIF_SCHEMA_URI =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** The URI base id every result location is relative to: the repository root. */
export const SRCROOT = '%SRCROOT%';

type SarifLevel = 'error' | 'warning' | 'note';

/** SARIF's level for a severity: error, warning, and note for info. */
function sarifLevel(severity: Severity): SarifLevel {
  return severity === 'info' ? 'note' : severity;
}

/** A repository-relative path as a URI reference: forward slashes, each segment percent-encoded. */
function uriReference(root: string, file: string): string {
  return relativePath(root, file)
    .split('/')
    .map(segment => (segment === '..' ? segment : encodeURIComponent(segment)))
    .join('/');
}

function firstSentence(text: string): string {
  const match = /^(.+?[.!?])(\s|$)/s.exec(text.trim());
  return (match ? match[1] : text).trim();
}

function ruleDescriptor(rule: RuleDescription) {
  return {
    id: rule.id,
    shortDescription: { text: firstSentence(rule.description) || rule.id },
    fullDescription: { text: rule.description || rule.id },
    help: { text: rule.remediation || rule.description || rule.id },
    defaultConfiguration: {
      enabled: rule.enabled,
      level: sarifLevel(rule.severity),
    },
    properties: { category: rule.id.split('.')[0] },
  };
}

/** Builds the SARIF 2.1.0 log of a run, as a plain object. */
function toSarifLog(input: FormatInput) {
  const { report, discovery, root, tool } = input;
  const rules = [...report.rules];
  const index = new Map(rules.map((rule, i) => [rule.id, i]));
  // A finding of a rule the report does not describe still gets a descriptor.
  for (const finding of report.findings) {
    if (!index.has(finding.ruleId)) {
      index.set(finding.ruleId, rules.length);
      rules.push({
        id: finding.ruleId,
        defaultSeverity: finding.severity,
        severity: finding.severity,
        description: finding.ruleId,
        remediation: finding.remediation,
        enabled: true,
        operational: false,
        lifecycles: {},
        options: {},
      });
    }
  }

  const results = sortFindings(report.findings, root).map(finding => ({
    ruleId: finding.ruleId,
    ruleIndex: index.get(finding.ruleId)!,
    level: sarifLevel(finding.severity),
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: {
            uri: uriReference(root, finding.file),
            uriBaseId: SRCROOT,
          },
          region: { startLine: finding.line, startColumn: finding.column },
        },
        logicalLocations: [
          { fullyQualifiedName: finding.entityRef, kind: 'entity' },
        ],
      },
    ],
    partialFingerprints: {
      'ownershipLintEntityRule/v1': createHash('sha256')
        .update(`${finding.entityRef}\n${finding.ruleId}`)
        .digest('hex'),
    },
    properties: {
      entityRef: finding.entityRef,
      remediation: finding.remediation,
    },
  }));

  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0' as const,
    runs: [
      {
        tool: {
          driver: {
            name: tool.name,
            informationUri: tool.informationUri,
            version: tool.version,
            semanticVersion: tool.version,
            rules: rules.map(ruleDescriptor),
          },
        },
        originalUriBaseIds: {
          [SRCROOT]: {
            uri: `${pathToFileURL(root).href.replace(/\/$/, '')}/`,
            description: { text: 'The root of the repository' },
          },
        },
        invocations: [
          {
            executionSuccessful: true,
            toolConfigurationNotifications: report.skipped.map(skipped => ({
              level: 'note' as const,
              message: {
                text: `skipped: ${skipped.ruleId} (${skipped.reason})`,
              },
              descriptor: { id: skipped.ruleId },
            })),
            toolExecutionNotifications: [
              ...discovery.notes.map(note => ({
                file: note.file,
                line: note.line,
                column: note.column,
                text: note.message,
              })),
              ...discovery.skippedTargets.map(skipped => ({
                file: skipped.file,
                line: skipped.line,
                column: skipped.column,
                text: `skipped Location target ${skipped.target} (${skipped.reason})`,
              })),
            ].map(notice => ({
              level: 'note' as const,
              message: { text: notice.text },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: {
                      uri: uriReference(root, notice.file),
                      uriBaseId: SRCROOT,
                    },
                    region: {
                      startLine: notice.line,
                      startColumn: notice.column,
                    },
                  },
                },
              ],
            })),
          },
        ],
        columnKind: 'unicodeCodePoints' as const,
        results,
      },
    ],
  };
}

/** `--format sarif`: SARIF 2.1.0 for GitHub code scanning and other viewers. */
export const formatSarif: Formatter = input =>
  `${JSON.stringify(toSarifLog(input), null, 2)}\n`;
