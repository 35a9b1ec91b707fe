import { ArrowLeft } from 'lucide-react';

/** The quiet button at the top of a page that goes back to the list it came from. */
export const BackButton = ({ label, onClick }: { label: string; onClick: () => void }) => (
  <button className="btn btn-quiet back" onClick={onClick}>
    <ArrowLeft aria-hidden size={16} /> {label}
  </button>
);
