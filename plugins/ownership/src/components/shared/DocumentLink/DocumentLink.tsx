import { Link } from '@backstage/core-components';
import MuiLink from '@mui/material/Link';
import { useState } from 'react';
import { DocumentDialog } from './DocumentDialog';

/** Props of {@link DocumentLink}. */
interface DocumentLinkProps {
  /** Where the document is: an `http(s):` address, or a `file:` URL. */
  url: string;
  /** The link text, also the dialog's title. */
  title: string;
  /** Leave the link out of the tab order, e.g. inside a listbox option. */
  tabIndex?: number;
}

/**
 * A link to a runbook or decision record. A `file:` document (from the
 * backend's `ownership.docs.localRoots`) opens in a dialog, since a browser
 * does not follow `file:` links from a web page; any other opens at its
 * address.
 */
export function DocumentLink(props: DocumentLinkProps) {
  const { url, title, tabIndex } = props;
  const [open, setOpen] = useState(false);
  if (!url.startsWith('file:')) {
    return (
      <Link
        to={url}
        variant="body2"
        tabIndex={tabIndex}
        onClick={event => event.stopPropagation()}
      >
        {title}
      </Link>
    );
  }
  return (
    <>
      <MuiLink
        component="button"
        type="button"
        variant="body2"
        aria-haspopup="dialog"
        tabIndex={tabIndex}
        onClick={event => {
          event.stopPropagation();
          setOpen(true);
        }}
        sx={{ textAlign: 'left', verticalAlign: 'baseline' }}
      >
        {title}
      </MuiLink>
      {open && (
        <DocumentDialog
          url={url}
          title={title}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
