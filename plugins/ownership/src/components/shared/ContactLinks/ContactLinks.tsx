import { Link } from '@backstage/core-components';
import ChatBubbleOutlineIcon from '@mui/icons-material/ChatBubbleOutline';
import LinkIcon from '@mui/icons-material/Link';
import MailOutlineIcon from '@mui/icons-material/MailOutline';
import Box from '@mui/material/Box';
import MuiLink from '@mui/material/Link';
import type { Contact } from '@ownership-portal/plugin-ownership-common';

const ICONS: Record<Contact['type'], typeof MailOutlineIcon> = {
  email: MailOutlineIcon,
  chat: ChatBubbleOutlineIcon,
  link: LinkIcon,
};

/** The ways to reach an owner: email, chat and other links, in one row. */
export function ContactLinks(props: { contacts: Contact[]; label: string }) {
  if (props.contacts.length === 0) {
    return null;
  }
  return (
    <Box
      component="ul"
      aria-label={props.label}
      sx={{
        listStyle: 'none',
        m: 0,
        p: 0,
        display: 'flex',
        flexWrap: 'wrap',
        columnGap: 2,
        rowGap: 0.5,
      }}
    >
      {props.contacts.map(contact => {
        const Icon = ICONS[contact.type] ?? LinkIcon;
        return (
          <Box
            component="li"
            key={`${contact.type}:${contact.url}`}
            sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}
          >
            <Icon fontSize="inherit" color="action" aria-hidden />
            {/* The catalog's Link announces every non-http link as opening a new window. */}
            {contact.url.startsWith('mailto:') ? (
              <MuiLink href={contact.url} variant="body2">
                {contact.label}
              </MuiLink>
            ) : (
              <Link to={contact.url} variant="body2">
                {contact.label}
              </Link>
            )}
          </Box>
        );
      })}
    </Box>
  );
}
