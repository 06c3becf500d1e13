interface Props {
  t: (key: string) => string;
  sending: boolean;
  failed: boolean;
  backLabel: string;
  onBack: () => void;
  onSend: () => void;
}

/** Back and send, with the sending state and, after a failed send, a message and a retry. */
export function SendBar({ t, sending, failed, backLabel, onBack, onSend }: Props) {
  return (
    <div class="nav">
      {failed && (
        <p class="alert" role="alert">
          {t('send.failed')}
        </p>
      )}
      <button type="button" class="button button--secondary" onClick={onBack}>
        {backLabel}
      </button>
      <button type="button" class="button button--primary" disabled={sending} onClick={onSend}>
        {sending ? t('send.sending') : failed ? t('send.retry') : t('nav.submit')}
      </button>
    </div>
  );
}
