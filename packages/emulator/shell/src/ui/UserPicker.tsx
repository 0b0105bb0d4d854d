/** The `selectUser` picker: answers with the chosen user(s), or nothing when cancelled. */
import { useState } from 'preact/hooks';
import { useModel } from './shell-context.js';

export function UserPicker() {
  const { portal, picker } = useModel();
  const [chosen, setChosen] = useState<number[]>([]);
  if (!portal || !picker) return null;
  const people = portal.users.filter((u) => !u.isBot);
  const answer = (ids: number[]) => {
    setChosen([]);
    picker.resolve(
      people.filter((u) => ids.includes(u.id)).map((u) => ({ id: String(u.id), name: u.name, photo: '' })),
    );
  };
  return (
    <div class="overlay center" data-testid="user-picker">
      <div class="dialog-box">
        <h2>Select {picker.multiple ? 'users' : 'a user'}</h2>
        {people.map((user) =>
          picker.multiple ? (
            <label key={user.id} class="picker-row">
              <input
                type="checkbox"
                data-testid="pick-user-checkbox"
                data-user-id={user.id}
                checked={chosen.includes(user.id)}
                onChange={() =>
                  setChosen(
                    chosen.includes(user.id) ? chosen.filter((id) => id !== user.id) : [...chosen, user.id],
                  )
                }
              />
              {user.name}
            </label>
          ) : (
            <div key={user.id} class="picker-row">
              <button data-testid="pick-user" data-user-id={user.id} onClick={() => answer([user.id])}>
                Pick
              </button>
              {user.name}
            </div>
          ),
        )}
        <div class="actions">
          {picker.multiple && (
            <button class="primary" data-testid="pick-users" onClick={() => answer(chosen)}>
              Select
            </button>
          )}
          <button onClick={() => picker.resolve(null)}>Cancel</button>
        </div>
      </div>
    </div>
  );
}
