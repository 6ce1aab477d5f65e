//! A registration's ticket code: what the QR code holds and what a person can type.
//!
//! Sixteen Crockford base32 symbols carry 80 random bits (unguessable), and a seventeenth
//! is a check symbol (mod 37), so a mistyped or made-up code is told apart from a real
//! code that is simply unknown here. Typing is forgiving the way Crockford meant: case,
//! spaces and hyphens do not matter, O reads as 0, I and L as 1.

pub(crate) const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// Check symbols: the alphabet plus five more for the values 32–36.
const CHECK: &[u8; 37] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ*~$=U";
pub const TICKET_RANDOM_BYTES: usize = 10;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Ticket(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TicketError {
    /// Not 17 symbols of the alphabet.
    Malformed,
    /// The right shape, but the check symbol does not match: typed wrong or made up.
    Forged,
}

/// A typed symbol as Crockford reads it: upper case, O as 0, I and L as 1.
pub(crate) fn read_symbol(c: char) -> char {
    match c.to_ascii_uppercase() {
        'O' => '0',
        'I' | 'L' => '1',
        c => c,
    }
}

pub(crate) fn value_of(c: char) -> Option<u32> {
    let c = read_symbol(c);
    ALPHABET
        .iter()
        .position(|&a| a as char == c)
        .map(|p| p as u32)
}

fn check_symbol(symbols: &[u32]) -> char {
    let m = symbols.iter().fold(0u32, |acc, &v| (acc * 32 + v) % 37);
    CHECK[m as usize] as char
}

impl Ticket {
    /// A new ticket from random bytes the caller drew from the operating system.
    pub fn from_random(bytes: [u8; TICKET_RANDOM_BYTES]) -> Ticket {
        let mut bits: u128 = 0;
        for b in bytes {
            bits = (bits << 8) | u128::from(b);
        }
        let symbols: Vec<u32> = (0..16)
            .rev()
            .map(|k| ((bits >> (5 * k)) & 31) as u32)
            .collect();
        let mut s: String = symbols
            .iter()
            .map(|&v| ALPHABET[v as usize] as char)
            .collect();
        s.push(check_symbol(&symbols));
        Ticket(s)
    }

    /// Read a code as scanned or typed.
    pub fn parse(input: &str) -> Result<Ticket, TicketError> {
        let compact: Vec<char> = input
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .collect();
        if compact.len() != 17 {
            return Err(TicketError::Malformed);
        }
        let symbols: Option<Vec<u32>> = compact[..16].iter().map(|&c| value_of(c)).collect();
        let symbols = symbols.ok_or(TicketError::Malformed)?;
        let last = read_symbol(compact[16]);
        if !last.is_ascii() || !CHECK.contains(&(last as u8)) {
            return Err(TicketError::Malformed);
        }
        if check_symbol(&symbols) != last {
            return Err(TicketError::Forged);
        }
        let mut s: String = symbols
            .iter()
            .map(|&v| ALPHABET[v as usize] as char)
            .collect();
        s.push(last);
        Ok(Ticket(s))
    }

    /// The stored form: 17 symbols, upper case.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Grouped for reading aloud or typing: `ABCD-EFGH-JKMN-PQRS-T`.
    pub fn display(&self) -> String {
        let mut out = String::with_capacity(21);
        for (i, c) in self.0.chars().enumerate() {
            if i > 0 && i % 4 == 0 {
                out.push('-');
            }
            out.push(c);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ticket_reads_back_however_it_is_typed() {
        let t = Ticket::from_random([7, 200, 13, 0, 255, 42, 99, 1, 128, 64]);
        assert_eq!(t.as_str().len(), 17);
        assert_eq!(Ticket::parse(t.as_str()), Ok(t.clone()));
        assert_eq!(Ticket::parse(&t.display()), Ok(t.clone()));
        assert_eq!(Ticket::parse(&t.display().to_lowercase()), Ok(t.clone()));
        let spaced = t.display().replace('-', " ");
        assert_eq!(Ticket::parse(&format!("  {spaced} ")), Ok(t.clone()));
    }

    #[test]
    fn one_wrong_symbol_is_caught() {
        let t = Ticket::from_random([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
        let mut caught = 0;
        for pos in 0..16 {
            for sym in ALPHABET.iter().map(|&b| b as char) {
                let mut chars: Vec<char> = t.as_str().chars().collect();
                if chars[pos] == sym {
                    continue;
                }
                chars[pos] = sym;
                let typo: String = chars.into_iter().collect();
                assert_ne!(Ticket::parse(&typo).ok(), Some(t.clone()));
                if Ticket::parse(&typo) == Err(TicketError::Forged) {
                    caught += 1;
                }
            }
        }
        // Every single-symbol change is detected by a prime modulus above the radix.
        assert_eq!(caught, 16 * 31);
    }

    #[test]
    fn wrong_shapes_are_malformed() {
        for bad in [
            "",
            "ABC",
            "ABCD-EFGH-JKMN-PQRS-TT",
            "ÁBCD-EFGH-JKMN-PQRS-T",
            "<script>",
        ] {
            assert_eq!(Ticket::parse(bad), Err(TicketError::Malformed), "{bad}");
        }
    }
}
