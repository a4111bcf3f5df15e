//! Tracking codes: what an applicant reads aloud on the phone or types on a
//! small keyboard. Eight random characters from an alphabet without look-alikes
//! (no 0/O, 1/I/L), grouped 4-4, and a check character computed with the
//! Luhn mod N algorithm, which catches every single mistyped character and
//! most swaps of neighbours.

/// The characters codes are written with.
pub const ALPHABET: &[u8; 30] = b"23456789ABCDEFGHJKMNPQRSTUVWXY";

fn value(c: char) -> Option<usize> {
    ALPHABET.iter().position(|&a| a as char == c.to_ascii_uppercase())
}

/// The Luhn mod N check character of `body`.
pub fn check_character(body: &str) -> Option<char> {
    let n = ALPHABET.len();
    let mut sum = 0;
    for (i, c) in body.chars().rev().enumerate() {
        let mut v = value(c)? * if i % 2 == 0 { 2 } else { 1 };
        v = v / n + v % n;
        sum += v;
    }
    Some(ALPHABET[(n - sum % n) % n] as char)
}

/// A code from eight random alphabet positions, formatted `XXXX-XXXXC`.
pub fn from_random(positions: [u8; 8]) -> String {
    let body: String = positions
        .iter()
        .map(|p| ALPHABET[*p as usize % ALPHABET.len()] as char)
        .collect();
    let check = check_character(&body).unwrap_or('2');
    format!("{}-{}{}", &body[..4], &body[4..], check)
}

/// Normalises a typed code (Persian digits, lower case, spaces or dashes
/// anywhere) and returns it formatted, if its check character is right.
pub fn parse(input: &str) -> Option<String> {
    let cleaned: String = crate::domain::normalize::normalize_digits(input)
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if cleaned.len() != 9 {
        return None;
    }
    let (body, check) = cleaned.split_at(8);
    (check_character(body)? == check.chars().next()?).then(|| format!("{}-{}", &body[..4], &cleaned[4..]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_code_is_read_back_however_it_is_typed() {
        let code = from_random([0, 5, 10, 15, 20, 25, 29, 3]);
        assert_eq!(parse(&code), Some(code.clone()));
        assert_eq!(parse(&code.to_lowercase().replace('-', " ")), Some(code.clone()));
    }

    proptest! {
        #[test]
        fn any_single_mistyped_character_is_detected(positions in proptest::array::uniform8(0u8..30), at in 0usize..9, other in 0usize..30) {
            let code = from_random(positions);
            let plain: Vec<char> = code.chars().filter(|c| *c != '-').collect();
            let replacement = ALPHABET[other] as char;
            prop_assume!(plain[at] != replacement);
            let mut typo = plain.clone();
            typo[at] = replacement;
            let typo: String = typo.into_iter().collect();
            prop_assert_eq!(parse(&typo), None);
        }
    }
}
