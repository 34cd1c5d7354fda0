// Signs that Excel stored an identifier as a number and rounded it.

/** Digits from position 16 on are all zero: what Excel leaves after keeping 15 significant digits. */
export function looksExcelRounded(digits: string): boolean {
  return digits.length > 15 && /^0+$/.test(digits.slice(15));
}

/** Message for a long number whose tail Excel replaced with zeros. */
export function excelRoundedMessage(label: string, digits: string): string {
  return (
    `${label} ${digits} ends in zeros after its 15th digit: Excel keeps only 15 digits of a number ` +
    'and replaces the rest with zeros. Format the column as Text in Excel and export again.'
  );
}
