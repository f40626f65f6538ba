import type { PageObjectResponse, RichTextItemResponse } from '@notionhq/client';
import type { Field } from '../../model/page.js';
import { normalizeKey } from '../../normalize/fields.js';
import { pushAll } from '../../push-all.js';

type Property = PageObjectResponse['properties'][string];
type UserRef = { id: string; name?: string | null };

/** What a page's properties say, in the shared model's terms. */
export interface PropertyValues {
  title: string;
  fields: Record<string, Field>;
  labels: string[];
  /** Properties the page has but leaves empty, under their normalized names. */
  emptyFields: string[];
}

/** Plain text of a rich text array. */
export function plainText(items: readonly RichTextItemResponse[]): string {
  return items.map((item) => item.plain_text).join('');
}

function personName(user: UserRef, userName: (id: string) => string | undefined): string {
  return user.name ?? userName(user.id) ?? user.id;
}

/** One property as a field value; undefined for empty values and for types that carry no text signal (relations, files). */
function fieldValue(property: Property, userName: (id: string) => string | undefined): string | undefined {
  switch (property.type) {
    case 'rich_text':
      return plainText(property.rich_text) || undefined;
    case 'number':
      return property.number === null ? undefined : String(property.number);
    case 'select':
      return property.select?.name;
    case 'status':
      return property.status?.name;
    case 'multi_select':
      return property.multi_select.map((option) => option.name).join(', ') || undefined;
    case 'people':
      return property.people.map((user) => personName(user as UserRef, userName)).join(', ') || undefined;
    case 'date':
      return property.date?.start;
    case 'checkbox':
      return property.checkbox ? 'yes' : 'no';
    case 'url':
      return property.url ?? undefined;
    case 'email':
      return property.email ?? undefined;
    case 'phone_number':
      return property.phone_number ?? undefined;
    case 'created_by':
    case 'last_edited_by': {
      const user = property.type === 'created_by' ? property.created_by : property.last_edited_by;
      return personName(user as UserRef, userName);
    }
    case 'unique_id':
      return property.unique_id.number === null
        ? undefined
        : `${property.unique_id.prefix ? `${property.unique_id.prefix}-` : ''}${property.unique_id.number}`;
    case 'formula': {
      const f = property.formula;
      if (f.type === 'string') return f.string ?? undefined;
      if (f.type === 'number') return f.number === null ? undefined : String(f.number);
      if (f.type === 'boolean') return f.boolean === null ? undefined : f.boolean ? 'yes' : 'no';
      return f.type === 'date' ? f.date?.start : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * Properties as fields under their normalized names ("Last reviewed" -> `last-reviewed`, so the
 * shared builder reads owners and review dates the same way as Markdown front matter), plus:
 * a status-type property is `status` too, multi-selects are labels, and verification gives
 * `verification` (its state) and `verification-expiry`, which the stale check honours.
 */
export function readProperties(
  properties: PageObjectResponse['properties'],
  userName: (id: string) => string | undefined,
): PropertyValues {
  let title = '';
  const fields: Record<string, Field> = {};
  const labels: string[] = [];
  let status: string | undefined;
  const emptyFields: string[] = [];
  for (const [name, property] of Object.entries(properties)) {
    if (property.type === 'title') {
      title = plainText(property.title);
      continue;
    }
    if (property.type === 'verification') {
      const verification = property.verification;
      if (!verification) continue;
      fields.verification = { value: verification.state };
      const expiry = verification.date?.end;
      if (verification.state !== 'unverified' && expiry) fields['verification-expiry'] = { value: expiry };
      continue;
    }
    if (property.type === 'multi_select')
      pushAll(
        labels,
        property.multi_select.map((option) => option.name),
      );
    const value = fieldValue(property, userName);
    if (value === undefined) {
      emptyFields.push(normalizeKey(name), ...(property.type === 'status' ? ['status'] : []));
      continue;
    }
    fields[normalizeKey(name)] = { value };
    if (property.type === 'status') status ??= value;
  }
  if (status && !fields.status) fields.status = { value: status };
  return { title, fields, labels, emptyFields };
}
