/**
 * The offline prompt has one field for "email or phone": visitors type whatever they prefer,
 * we decide which it is. Phones are stored as E.164 so agents can dial or text them as-is.
 */
export type ContactInput =
  | { kind: 'email'; email: string }
  | { kind: 'phone'; phone: string }
  | { kind: 'invalid'; reason: 'empty' | 'format' };

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:".]+(\.[^\s@<>()[\]\\,;:".]+)*\.[a-z]{2,}$/i;
const PHONE_CHARS = /^\+?[\d\s().-]+$/;

export function parseContactInput(raw: string): ContactInput {
  const value = raw.trim();
  if (!value) return { kind: 'invalid', reason: 'empty' };
  if (value.indexOf('@') >= 0) {
    return value.length <= 254 && EMAIL.test(value) ? { kind: 'email', email: value } : { kind: 'invalid', reason: 'format' };
  }
  if (!PHONE_CHARS.test(value)) return { kind: 'invalid', reason: 'format' };
  const phone = normalizePhone(value);
  return phone ? { kind: 'phone', phone } : { kind: 'invalid', reason: 'format' };
}

function normalizePhone(value: string): string | null {
  const digits = value.replace(/\D/g, '');
  const international = value.charAt(0) === '+' || digits.indexOf('00') === 0;
  if (international) {
    const full = value.charAt(0) === '+' ? digits : digits.slice(2);
    if (full.indexOf('82') === 0) {
      // People often keep the domestic trunk 0: "+82 010-1234-5678".
      const national = full.slice(2).replace(/^0/, '');
      return isKoreanNational(national) ? '+82' + national : null;
    }
    return /^[1-9]\d{7,14}$/.test(full) ? '+' + full : null;
  }
  // Without a country code we assume a Korean number, which always starts with the trunk 0.
  if (digits.charAt(0) !== '0') return null;
  const national = digits.slice(1);
  return isKoreanNational(national) ? '+82' + national : null;
}

/** The number after the trunk 0: mobiles (010 has 8 more digits), Seoul 02, other areas and 070. */
function isKoreanNational(national: string): boolean {
  return /^10\d{8}$/.test(national) || /^1[16789]\d{7,8}$/.test(national) || /^2\d{7,8}$/.test(national) ||
    /^[3-7]\d{8,9}$/.test(national);
}
