//! Why a line was removed as clutter, in the reader's language. The importer decides with
//! fixed English keys (compared in the code: `clean::METADATA_ROW` …); this is where
//! each becomes the words of the `# Removed from the source as clutter:` list.

use huibao_i18n::{msg, Message};

/// The words for the reason `why` (one of the importer's keys).
pub(crate) fn said(why: &str) -> Message {
    match why {
        "page number" => msg!("import-why-page-number"),
        "page number of an online previewer" => msg!("import-why-previewer-page-number"),
        "page number or running header, by its place on the page" => {
            msg!("import-why-running-header")
        }
        "page header (the title repeated)" => msg!("import-why-page-header"),
        crate::clean::FIELD_CODE => msg!("import-why-field-code"),
        crate::clean::LISTED_OUTLINE => msg!("import-why-listed-outline"),
        "a site's teaser: the text below, cut short" => msg!("import-why-teaser"),
        crate::clean::INLINE_NOTICE => msg!("import-why-inline-notice"),
        "site notice" => msg!("import-why-site-notice"),
        "list of related pages" => msg!("import-why-related-pages"),
        "link to a related page" => msg!("import-why-related-link"),
        "web address" => msg!("import-why-web-address"),
        "copyright notice" => msg!("import-why-copyright"),
        "source notice" => msg!("import-why-source-notice"),
        "download notice" => msg!("import-why-download"),
        "web-page navigation" => msg!("import-why-navigation"),
        "web-page timestamp" => msg!("import-why-timestamp"),
        "site name" => msg!("import-why-site-name"),
        crate::clean::METADATA_ROW => msg!("import-why-metadata"),
        "document-sharing site" => msg!("import-why-sharing-site"),
        "customer-service contact" => msg!("import-why-customer-service"),
        "site's page title" => msg!("import-why-site-page-title"),
        crate::boilerplate::TITLE_FRAGMENT => msg!("import-why-tag-title-fragment"),
        "tag line: a year alone" => msg!("import-why-tag-year"),
        "tag line" => msg!("import-why-tag-line"),
        "tag line: the organization, repeated in the title below" => {
            msg!("import-why-tag-organization")
        }
        "title repeated" => msg!("import-why-title-repeated"),
        "page title" => msg!("import-why-page-title"),
        "the title as a web page framed it" => msg!("import-why-framed-title"),
        "title repeated at the start of the text" => msg!("import-why-title-repeated-start"),
        // A key added without words of its own yet (the test below names every key).
        _ => msg!("import-why-unnamed"),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_named_reasons_have_words() {
        for why in [
            crate::clean::FIELD_CODE,
            crate::clean::LISTED_OUTLINE,
            crate::clean::INLINE_NOTICE,
            crate::clean::METADATA_ROW,
            crate::boilerplate::TITLE_FRAGMENT,
        ] {
            assert!(super::said(why).id().is_some(), "{why}");
        }
    }
}
