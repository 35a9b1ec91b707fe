/** A table's header row from its column names; `hidden` names a last column read out but not shown, such as Actions. */
export const TableHead = ({ columns, hidden }: { columns: readonly string[]; hidden?: string }) => (
  <thead>
    <tr>
      {columns.map((c) => (
        <th key={c} scope="col">
          {c}
        </th>
      ))}
      {hidden && (
        <th scope="col">
          <span className="visually-hidden">{hidden}</span>
        </th>
      )}
    </tr>
  </thead>
);
