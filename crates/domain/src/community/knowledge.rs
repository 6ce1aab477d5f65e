//! The knowledge library: good practices ("Jó gyakorlatok"), publications (Hungarian and
//! English), videos and local-history studies, each with its author, programme,
//! settlement and tags. A video is a link: no player is embedded (no third party learns
//! who reads the page).

use crate::ids::*;
use crate::organisation::{is_website, string_enum};
use crate::validation::{
    optional_id, optional_text, required_long_text, required_text, FieldErrors,
};
use serde::{Deserialize, Serialize};

string_enum!(
    KnowledgeKind {
        Practice = "practice",
        Publication = "publication",
        Video = "video",
        Study = "study",
    }
);

string_enum!(
    /// The language an item is written or spoken in.
    ItemLanguage {
        Hu = "hu",
        En = "en",
    }
);

pub const MAX_TAGS: usize = 12;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KnowledgeItem {
    pub id: KnowledgeId,
    pub kind: KnowledgeKind,
    pub title: String,
    /// Markdown.
    pub summary: String,
    pub author: String,
    pub programme_id: Option<ProgrammeId>,
    pub programme_title: Option<String>,
    pub place_id: Option<PlaceId>,
    pub place_name: Option<String>,
    pub tags: Vec<String>,
    pub language: ItemLanguage,
    pub url: Option<String>,
    pub published: bool,
    pub version: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct KnowledgeForm {
    pub kind: String,
    pub title: String,
    pub summary: String,
    pub author: String,
    pub programme_id: String,
    /// A settlement as typed (found in the gazetteer by the use case).
    pub settlement: String,
    /// Comma separated.
    pub tags: String,
    pub language: String,
    pub url: String,
    pub published: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnowledgeInput {
    pub kind: KnowledgeKind,
    pub title: String,
    pub summary: String,
    pub author: String,
    pub programme_id: Option<ProgrammeId>,
    pub settlement: Option<String>,
    pub tags: Vec<String>,
    pub language: ItemLanguage,
    pub url: Option<String>,
    pub published: bool,
}

/// Tags as typed: comma separated, trimmed, lower-cased, each once, in order.
pub fn read_tags(e: &mut FieldErrors, text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for t in text.split([',', ';']) {
        let t = t
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        if t.is_empty() || out.contains(&t) {
            continue;
        }
        if t.chars().count() > 40 || t.chars().any(|c| c.is_control()) {
            e.add("tags", "err-tag");
            return out;
        }
        out.push(t);
    }
    if out.len() > MAX_TAGS {
        e.add("tags", "err-tags-many");
    }
    out
}

impl KnowledgeForm {
    pub fn validate(&self) -> Result<KnowledgeInput, FieldErrors> {
        let mut e = FieldErrors::new();
        let kind = KnowledgeKind::parse(self.kind.trim());
        if kind.is_none() {
            e.add("kind", "err-choice");
        }
        let title = required_text(&mut e, "title", &self.title, 300);
        let summary = required_long_text(&mut e, "summary", &self.summary, 20_000);
        let author = required_text(&mut e, "author", &self.author, 300);
        let programme_id = optional_id(&mut e, "programme_id", &self.programme_id).map(ProgrammeId);
        let settlement = optional_text(&mut e, "settlement", &self.settlement, 100);
        let tags = read_tags(&mut e, &self.tags);
        let language = match self.language.trim() {
            "" => Some(ItemLanguage::Hu),
            l => ItemLanguage::parse(l),
        };
        if language.is_none() {
            e.add("language", "err-choice");
        }
        let url = match self.url.trim() {
            "" => None,
            u if u.chars().count() > 500 => {
                e.add("url", "err-too-long");
                None
            }
            u if !is_website(u) => {
                e.add("url", "err-url");
                None
            }
            u => Some(u.to_string()),
        };
        // A video is watched somewhere: it needs its address.
        if kind == Some(KnowledgeKind::Video) && url.is_none() && e.for_field("url").is_none() {
            e.add("url", "err-video-url");
        }
        match (kind, language) {
            (Some(kind), Some(language)) if e.is_empty() => Ok(KnowledgeInput {
                kind,
                title,
                summary,
                author,
                programme_id,
                settlement,
                tags,
                language,
                url,
                published: !self.published.is_empty(),
            }),
            _ => Err(e),
        }
    }

    pub fn from_item(k: &KnowledgeItem) -> KnowledgeForm {
        KnowledgeForm {
            kind: k.kind.as_str().into(),
            title: k.title.clone(),
            summary: k.summary.clone(),
            author: k.author.clone(),
            programme_id: k.programme_id.map(|p| p.to_string()).unwrap_or_default(),
            settlement: k.place_name.clone().unwrap_or_default(),
            tags: k.tags.join(", "),
            language: k.language.as_str().into(),
            url: k.url.clone().unwrap_or_default(),
            published: if k.published {
                "1".into()
            } else {
                String::new()
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> KnowledgeForm {
        KnowledgeForm {
            kind: "study".into(),
            title: "A Kisbéri Ménesbirtok története".into(),
            summary: "Helytörténeti tanulmány.".into(),
            author: "Nagy Ilona".into(),
            tags: "Helytörténet, ménesbirtok,  helytörténet ,".into(),
            ..Default::default()
        }
    }

    #[test]
    fn tags_are_read_once_each() {
        let k = form().validate().unwrap();
        assert_eq!(k.tags, ["helytörténet", "ménesbirtok"]);
        assert_eq!(k.language, ItemLanguage::Hu);
    }

    #[test]
    fn a_video_needs_a_web_address_and_scripts_are_not_addresses() {
        let mut f = form();
        f.kind = "video".into();
        assert_eq!(
            f.validate().unwrap_err().for_field("url"),
            Some("err-video-url")
        );
        f.url = "javascript:alert(1)".into();
        assert_eq!(f.validate().unwrap_err().for_field("url"), Some("err-url"));
        f.url = "https://video.example.org/kisber".into();
        assert!(f.validate().is_ok());
        f.kind = "podcast".into();
        assert_eq!(
            f.validate().unwrap_err().for_field("kind"),
            Some("err-choice")
        );
    }
}
