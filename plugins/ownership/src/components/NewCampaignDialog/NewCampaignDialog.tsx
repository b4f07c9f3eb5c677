import { useAnalytics, useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { Campaign } from '@ownership-portal/plugin-ownership-common';
import { useId, useRef, useState } from 'react';
import { ownershipApiRef } from '../../api';
import { newIdempotencyKey } from '../../api/idempotencyKey';
import { ownershipTranslationRef } from '../../translation';
import { errorMessage, toDateInput } from '../shared';
import { type CampaignForm, campaignInputOf } from './campaignInput';

const DAY = 24 * 60 * 60 * 1000;

function initialForm(now = new Date()): CampaignForm {
  return {
    title: '',
    instructions: '',
    opens: toDateInput(now),
    due: toDateInput(new Date(now.getTime() + 28 * DAY)),
    kinds: '',
    lifecycles: '',
    systems: '',
    teams: '',
    includeSubgroups: true,
    excludeTeams: '',
  };
}

/**
 * "New campaign": title, instructions (markdown), opening and due dates and
 * the scope. The backend's 400 is shown in the dialog, which stays open.
 */
export function NewCampaignDialog(props: {
  open: boolean;
  onClose: () => void;
  onCreated: (campaign: Campaign) => void;
}) {
  const api = useApi(ownershipApiRef);
  const analytics = useAnalytics();
  const { t } = useTranslationRef(ownershipTranslationRef);
  const titleId = useId();
  const [form, setForm] = useState(initialForm);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  // The same form sent again (a retry) reuses its key: one campaign at most.
  const sent = useRef<{ body: string; key: string }>();

  const field =
    (name: keyof CampaignForm) =>
    (e: { target: { value: string; checked?: boolean } }) =>
      setForm(f => ({
        ...f,
        [name]: name === 'includeSubgroups' ? e.target.checked : e.target.value,
      }));

  const submit = async () => {
    const input = campaignInputOf(form);
    const body = JSON.stringify(input);
    if (sent.current?.body !== body) {
      sent.current = { body, key: newIdempotencyKey() };
    }
    setBusy(true);
    setError(undefined);
    try {
      const campaign = await api.createCampaign(input, {
        idempotencyKey: sent.current.key,
      });
      analytics.captureEvent('create', 'campaign', { value: campaign.id });
      sent.current = undefined;
      setForm(initialForm());
      props.onCreated(campaign);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const listHelp = t('newCampaign.listHelp');
  return (
    <Dialog
      open={props.open}
      onClose={() => !busy && props.onClose()}
      aria-labelledby={titleId}
      fullWidth
      maxWidth="md"
    >
      <DialogTitle id={titleId}>{t('newCampaign.title')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <TextField
            label={t('newCampaign.fields.title')}
            value={form.title}
            onChange={field('title')}
            required
            inputProps={{ maxLength: 200 }}
          />
          <TextField
            label={t('newCampaign.fields.instructions')}
            helperText={t('newCampaign.instructionsHelp')}
            value={form.instructions}
            onChange={field('instructions')}
            multiline
            minRows={4}
            inputProps={{ maxLength: 20000 }}
          />
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
            <TextField
              label={t('newCampaign.fields.opens')}
              type="date"
              value={form.opens}
              onChange={field('opens')}
              required
              InputLabelProps={{ shrink: true }}
              fullWidth
            />
            <TextField
              label={t('newCampaign.fields.due')}
              type="date"
              value={form.due}
              onChange={field('due')}
              required
              InputLabelProps={{ shrink: true }}
              fullWidth
            />
          </Stack>
          <Typography variant="subtitle2" component="h3">
            {t('newCampaign.scope')}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {t('newCampaign.scopeHelp')}
          </Typography>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
            <TextField
              label={t('newCampaign.fields.kinds')}
              placeholder="Component, API"
              helperText={listHelp}
              value={form.kinds}
              onChange={field('kinds')}
              fullWidth
            />
            <TextField
              label={t('newCampaign.fields.lifecycles')}
              placeholder="production"
              helperText={listHelp}
              value={form.lifecycles}
              onChange={field('lifecycles')}
              fullWidth
            />
          </Stack>
          <TextField
            label={t('newCampaign.fields.systems')}
            placeholder="system:default/payments"
            helperText={listHelp}
            value={form.systems}
            onChange={field('systems')}
          />
          <TextField
            label={t('newCampaign.fields.teams')}
            placeholder="group:default/payments"
            helperText={listHelp}
            value={form.teams}
            onChange={field('teams')}
          />
          <FormControlLabel
            control={
              <Checkbox
                checked={form.includeSubgroups}
                onChange={field('includeSubgroups')}
              />
            }
            label={t('newCampaign.fields.includeSubgroups')}
          />
          <TextField
            label={t('newCampaign.fields.excludeTeams')}
            placeholder="group:default/sandbox"
            helperText={listHelp}
            value={form.excludeTeams}
            onChange={field('excludeTeams')}
          />
          {error && (
            <Alert severity="error" role="alert">
              {error}
            </Alert>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose} disabled={busy}>
          {t('newCampaign.cancel')}
        </Button>
        <Button
          variant="contained"
          onClick={submit}
          disabled={busy || !form.title.trim() || !form.opens || !form.due}
        >
          {t('newCampaign.create')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
