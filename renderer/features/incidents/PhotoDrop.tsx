import { ImagePlus } from 'lucide-react';
import { useId, useRef, useState, type DragEvent } from 'react';

const ACCEPT = 'image/jpeg,image/png,image/webp';

/** Choose photos with the file picker or drop them on the zone; main checks the real type and size. */
export const PhotoDrop = ({ onFiles, disabled }: { onFiles: (files: File[]) => void; disabled?: boolean }) => {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    if (!disabled) onFiles([...e.dataTransfer.files]);
  };
  return (
    <div
      className={`photo-drop${over ? ' over' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
      data-testid="photo-drop"
    >
      <ImagePlus aria-hidden size={20} />
      <span>Drop photos here, or</span>
      <label htmlFor={id} className="btn">
        Choose photos…
      </label>
      <input
        id={id}
        ref={input}
        className="visually-hidden"
        type="file"
        accept={ACCEPT}
        multiple
        disabled={disabled}
        aria-label="Add photos"
        onChange={(e) => {
          onFiles([...(e.target.files ?? [])]);
          if (input.current) input.current.value = '';
        }}
      />
      <span className="muted small">JPEG, PNG or WebP, up to 10 MB each</span>
    </div>
  );
};
