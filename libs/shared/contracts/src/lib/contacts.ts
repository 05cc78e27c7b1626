export interface ContactDto {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  company: string | null;
  locale: string | null;
  customAttributes: Record<string, string | number | boolean | null>;
  createdAt: string;
  updatedAt: string;
}

export interface UpsertContactRequest {
  name?: string | null;
  email?: string | null;
  phone?: string | null;
  company?: string | null;
  locale?: string | null;
  customAttributes?: Record<string, string | number | boolean | null>;
}

export interface ContactListQuery {
  q?: string;
  cursor?: string;
  limit?: number;
}
