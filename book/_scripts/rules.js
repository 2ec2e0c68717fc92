/**
 * The value rules: each question's JSON Schema, written by the Python package
 * (exercises/model.py value_schema, in the site data), checked here with exactly the
 * keywords exercises/site.py SCHEMA_RULES lists. A keyword, type or format this checker
 * does not implement is an error, never silently passed. Lookups use own properties
 * only, so keys such as __proto__ or constructor are ordinary names.
 */
import { isDate } from "./time.js";

/** Every keyword, type and format this checker implements (tests compare with Python's). */
export const IMPLEMENTED = {
  keywords: [
    "type", "enum", "const", "minimum", "maximum", "maxLength", "maxItems", "items",
    "properties", "required", "additionalProperties", "anyOf", "format",
  ],
  types: ["string", "integer", "array", "object"],
  formats: ["date"],
};

const KEYWORDS = new Set(IMPLEMENTED.keywords);

/** True for a JSON object (not an array, not null). */
export function isPlainObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `object[key]` when it is the object's own property, else undefined. */
export function own(object, key) {
  return object !== null && object !== undefined && Object.hasOwn(object, key)
    ? object[key]
    : undefined;
}

/** JSON with object keys sorted, so equal values give equal text. */
export function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (isPlainObject(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** True when a value holds no answer (blank text, nothing ticked, no rows). */
export function isEmpty(value) {
  if (value === null || value === undefined) return true;
  if (typeof value === "string") return value.trim() === "";
  if (Array.isArray(value)) return value.length === 0;
  if (isPlainObject(value)) return Object.keys(value).length === 0;
  return false;
}

function unsupported(what) {
  return new Error(`The answer rules use ${what}, which the website's checker does not implement.`);
}

function typeProblem(type, value) {
  switch (type) {
    case "string":
      return typeof value === "string" ? null : "must be text";
    case "integer":
      return typeof value === "number" && Number.isInteger(value) ? null : "must be a whole number";
    case "array":
      return Array.isArray(value) ? null : "must be a list";
    case "object":
      return isPlainObject(value) ? null : "must be a set of named parts";
    default:
      throw unsupported(`the type ${JSON.stringify(type)}`);
  }
}

function textProblem(schema, value) {
  if (schema.maxLength !== undefined && [...value].length > schema.maxLength) {
    return `is longer than ${schema.maxLength} characters`;
  }
  if (schema.format === "date" && !isDate(value)) return "is not a date";
  return null;
}

function listProblem(schema, value) {
  if (schema.maxItems !== undefined && value.length > schema.maxItems) {
    return `holds more than ${schema.maxItems} entries`;
  }
  if (schema.items !== undefined) {
    if (!isPlainObject(schema.items)) throw unsupported("items that is not one schema");
    for (const item of value) {
      const problem = validate(schema.items, item);
      if (problem) return problem;
    }
  }
  return null;
}

function objectProblem(schema, value) {
  const props = schema.properties || {};
  for (const key of schema.required || []) {
    if (!Object.hasOwn(value, key)) return `has no ${key}`;
  }
  const extra = schema.additionalProperties;
  if (extra !== undefined && typeof extra !== "boolean") {
    throw unsupported("additionalProperties that is a schema");
  }
  for (const key of Object.keys(value)) {
    if (!Object.hasOwn(props, key)) {
      if (extra === false) return `has an unknown part ${key}`;
      continue;
    }
    const problem = validate(props[key], value[key]);
    if (problem) return problem;
  }
  return null;
}

/**
 * Check a value against a schema; null if it fits, else why not ("must be text", ...).
 * Every keyword applies, as in JSON Schema: `format` and `maxLength` to text,
 * `minimum`/`maximum` to numbers, `items`/`maxItems` to lists, the rest to objects.
 */
export function validate(schema, value) {
  if (!isPlainObject(schema)) throw unsupported("a schema that is not an object");
  for (const key of Object.keys(schema)) {
    if (!KEYWORDS.has(key)) throw unsupported(`the keyword ${JSON.stringify(key)}`);
  }
  if (schema.format !== undefined && !IMPLEMENTED.formats.includes(schema.format)) {
    throw unsupported(`the format ${JSON.stringify(schema.format)}`);
  }
  if (schema.type !== undefined) {
    const problem = typeProblem(schema.type, value);
    if (problem) return problem;
  }
  if (Object.hasOwn(schema, "const") && canonical(value) !== canonical(schema.const)) {
    return "does not fit";
  }
  if (schema.enum !== undefined && !schema.enum.some((x) => canonical(x) === canonical(value))) {
    return "is not one of the options";
  }
  let problem = null;
  if (typeof value === "string") problem = textProblem(schema, value);
  else if (typeof value === "number") {
    if (schema.minimum !== undefined && value < schema.minimum) problem = "is too small";
    else if (schema.maximum !== undefined && value > schema.maximum) problem = "is too large";
  } else if (Array.isArray(value)) problem = listProblem(schema, value);
  else if (isPlainObject(value)) problem = objectProblem(schema, value);
  if (problem) return problem;
  if (schema.anyOf !== undefined) {
    if (!Array.isArray(schema.anyOf)) throw unsupported("anyOf that is not a list");
    return schema.anyOf.some((s) => validate(s, value) === null) ? null : "does not fit";
  }
  return null;
}
