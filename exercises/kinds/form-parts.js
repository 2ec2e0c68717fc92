/**
 * Pieces every kind's form reader uses (the browser side of exercises/form_parts.py).
 * A `part` is an entry of the kind's form.json contract: {selector, count, about}.
 */

/** The first element of a part in `scope`, or null. */
export function one(scope, part) {
  return scope.querySelector(part.selector);
}

/** Every element of a part in `scope`. */
export function every(scope, part) {
  return [...scope.querySelectorAll(part.selector)];
}

/** The values of the ticked inputs, in page order. */
export function checkedValues(inputs) {
  return inputs.filter((input) => input.checked).map((input) => input.value);
}

/** Tick exactly the inputs whose value is in `values`. */
export function checkValues(inputs, values) {
  inputs.forEach((input) => {
    input.checked = values.includes(input.value);
  });
}
