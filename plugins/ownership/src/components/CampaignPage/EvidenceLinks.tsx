import { fetchApiRef, useAnalytics, useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import DownloadIcon from '@mui/icons-material/Download';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { ResponseError } from '@backstage/errors';
import type { MouseEvent } from 'react';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { ownershipApiRef } from '../../api';
import { ownershipTranslationRef } from '../../translation';
import { errorMessage } from '../shared';

/** Hands a downloaded file to the browser under `filename`. */
function saveAs(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = filename;
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * Links to a campaign's evidence as CSV and as JSON. The files need the
 * user's Backstage credentials, which a plain link would not send: a click
 * downloads through the fetch API instead; the link keeps the real address.
 */
export function EvidenceLinks(props: { campaignId: number }) {
  const { campaignId } = props;
  const api = useApi(ownershipApiRef);
  const fetchApi = useApi(fetchApiRef);
  const analytics = useAnalytics();
  const { t } = useTranslationRef(ownershipTranslationRef);
  const [error, setError] = useState<string>();
  const urls = useAsync(
    async () => ({
      csv: await api.getCampaignCsvUrl(campaignId),
      json: await api.getCampaignEvidenceUrl(campaignId),
    }),
    [api, campaignId],
  );

  const download =
    (url: string, filename: string) => async (event: MouseEvent) => {
      event.preventDefault();
      setError(undefined);
      try {
        const response = await fetchApi.fetch(url);
        if (!response.ok) {
          throw await ResponseError.fromResponse(response);
        }
        saveAs(await response.blob(), filename);
        analytics.captureEvent('export', filename, { value: campaignId });
      } catch (e) {
        setError(t('campaignPage.downloadError', { message: errorMessage(e) }));
      }
    };

  if (!urls.value) {
    return null;
  }
  return (
    <Stack spacing={1}>
      <Stack direction="row" spacing={1}>
        <Button
          href={urls.value.csv}
          onClick={download(urls.value.csv, `campaign-${campaignId}.csv`)}
          startIcon={<DownloadIcon />}
        >
          {t('campaignPage.exportCsv')}
        </Button>
        <Button
          href={urls.value.json}
          onClick={download(
            urls.value.json,
            `campaign-${campaignId}-evidence.json`,
          )}
          startIcon={<DownloadIcon />}
        >
          {t('campaignPage.evidenceJson')}
        </Button>
      </Stack>
      {error && <Alert severity="error">{error}</Alert>}
    </Stack>
  );
}
