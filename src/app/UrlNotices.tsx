import { NoticeBanner } from '../components/ui/NoticeBanner';
import { useParams } from '../stores/params-store';

export function UrlNotices() {
  const notices = useParams((s) => s.notices);
  const dismiss = useParams((s) => s.dismissNotices);
  return <NoticeBanner title="Some settings in the link were not used:" notices={notices} onDismiss={dismiss} />;
}
