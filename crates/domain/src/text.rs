//! Text folding for search: "Kisbér" and "kisber" must find each other on both engines,
//! whose LIKE/lower() only fold ASCII. The folded form is computed here and stored.

/// Lower-case and strip Hungarian (and common Latin) accents.
pub fn fold(s: &str) -> String {
    s.chars()
        .flat_map(|c| c.to_lowercase())
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'ő' | 'õ' => 'o',
            'ú' | 'ù' | 'û' | 'ü' | 'ű' => 'u',
            'ç' => 'c',
            'ñ' => 'n',
            '„' | '”' | '“' => '"',
            other => other,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn folds_hungarian_accents_and_case() {
        assert_eq!(fold("Kisbér"), "kisber");
        assert_eq!(fold("ŐRSÉG Űrhajó"), "orseg urhajo");
        assert_eq!(fold("Csongrád-Csanád"), "csongrad-csanad");
    }
}
