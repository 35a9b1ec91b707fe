import { useStore } from '../../store/appStore';
import { ImportView } from './ImportView';
import { StaffEditor } from './StaffEditor';
import { StaffList } from './StaffList';
import { StaffPage } from './StaffPage';
import { BackButton } from '../../components/BackButton';

/** The staff screen: the list, a person's page (`viewParam` is their id), a new person, or the CSV import. */
export const StaffView = () => {
  const param = useStore((s) => s.viewParam);
  const go = useStore((s) => s.go);
  if (param === 'import') return <ImportView />;
  if (param === 'new')
    return (
      <section aria-labelledby="person-title">
        <BackButton label="All staff" onClick={() => go('staff')} />
        <header className="page-head">
          <h1 id="person-title">Add a person</h1>
        </header>
        <StaffEditor person={null} onDone={(id) => go('staff', id)} />
      </section>
    );
  return param ? <StaffPage id={param} /> : <StaffList />;
};
