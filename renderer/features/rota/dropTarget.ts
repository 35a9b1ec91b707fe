import type { DragEvent } from 'react';

/** Props that make a grid cell accept a dragged shift card. */
export const dropTarget = (onDrop: (shiftId: string) => void) => ({
  onDragOver: (e: DragEvent) => {
    if (e.dataTransfer.types.includes('text/x-shift')) {
      e.preventDefault();
      e.dataTransfer.dropEffect = 'move';
      (e.currentTarget as HTMLElement).classList.add('is-drop');
    }
  },
  onDragLeave: (e: DragEvent) => (e.currentTarget as HTMLElement).classList.remove('is-drop'),
  onDrop: (e: DragEvent) => {
    e.preventDefault();
    (e.currentTarget as HTMLElement).classList.remove('is-drop');
    const id = e.dataTransfer.getData('text/x-shift');
    if (id) onDrop(id);
  },
});
