//! What document-sharing sites and web pages put around a report, found by its shape
//! rather than by site: notice blocks with numbered download instructions ("温馨提示：" and
//! "1.本站所有文档……"), customer-service contacts, lists of related links, and the tag lines
//! a site prints above the title ("2023", "范文", "上半年", the organization alone).
//!
//! These passes run on whole lines before the outline is read, so a numbered list inside
//! clutter can never become the report's outline.

/// Words of a site's notice to its users; a line under a notice heading that has one is
/// part of the notice.
const SITE_WORDS: [&str; 16] = [
    "本站",
    "文档",
    "下载",
    "用户",
    "客服",
    "侵权",
    "预览",
    "付费",
    "会员",
    "版权",
    "上传",
    "网站",
    "平台",
    "积分",
    "充值",
    "浏览器",
];

/// Headings of a site's notice block.
const NOTICE_HEADS: [&str; 8] = [
    "温馨提示",
    "下载提示",
    "特别提示",
    "下载须知",
    "免责声明",
    "用户须知",
    "购买须知",
    "阅读须知",
];

/// Phrases only a document-sharing site writes; a line with one is clutter however long.
const SITE_PHRASES: [&str; 23] = [
    "为您精心整理",
    "为你精心整理",
    "办公资料“",
    "由会员分享",
    "小编为大家",
    "小编整理",
    "供大家参考",
    "为大家整理",
    "为您筛选了",
    "本站为你",
    "欢迎您的阅读",
    "欢迎来到",
    "可在线阅读",
    "页珍藏版",
    "版权归属用户",
    "本文档由用户上传",
    "如有侵权请联系",
    "请在文档网上搜索",
    "联系客服",
    "客服QQ",
    "客服电话",
    "下载后查看",
    "付费完成后",
];

/// Headings of a list of links to other pages; the short lines after them are links.
const RELATED_HEADS: [&str; 14] = [
    "相关推荐",
    "相关文章",
    "推荐阅读",
    "相关阅读",
    "猜你喜欢",
    "热门推荐",
    "延伸阅读",
    "精选范文",
    "热门文章",
    "推荐文章",
    "相关范文",
    "更多相关",
    "最新文章",
    "热门范文",
];

/// Words a site tags a page with, printed alone on a line.
const TAGS: [&str; 10] = [
    "范文", "精选", "模板", "最新", "优秀", "范本", "汇编", "合集", "大全", "参考",
];

/// Why a line, judged alone, is a document-sharing site's: its phrases, its customer
/// service, its own title for the page ("……工作总结范文", "……（精选5篇）").
pub(crate) fn site_line(s: &str) -> Option<&'static str> {
    if SITE_PHRASES.iter().any(|p| s.contains(p)) {
        return Some("document-sharing site");
    }
    let upper = s.to_uppercase();
    if s.contains("客服")
        && ["QQ", "电话", "微信", "热线", "邮箱"]
            .iter()
            .any(|w| upper.contains(w))
        || upper.starts_with("QQ：")
        || upper.starts_with("QQ:")
    {
        return Some("customer-service contact");
    }
    let n = s.chars().count();
    let short = n > 4 && n <= 60 && !s.contains(['。', '；']);
    if short
        && (s.contains("范文")
            || (s.contains("精选") && s.contains("篇"))
            || s.contains("精选文档")
            || ["—全文", "-全文", "（全文）", "(全文)", "_全文"]
                .iter()
                .any(|w| s.ends_with(w)))
    {
        return Some("site's page title");
    }
    None
}

/// Whether a line heads a notice block ("温馨提示：").
pub(crate) fn is_notice_head(s: &str) -> bool {
    let s = s.trim_end_matches(['：', ':']);
    NOTICE_HEADS.iter().any(|h| s.starts_with(h)) && s.chars().count() <= 12
}

/// Whether a line belongs to a notice block: it speaks of the site, its documents and users.
pub(crate) fn is_notice_line(s: &str) -> bool {
    SITE_WORDS.iter().any(|w| s.contains(w))
}

/// Whether a line heads a list of related links ("相关推荐").
pub(crate) fn is_related_head(s: &str) -> bool {
    let s = s.trim_end_matches(['：', ':', ' ']);
    RELATED_HEADS
        .iter()
        .any(|h| s == *h || (s.starts_with(h) && s.chars().count() <= 8))
}

/// Whether a line can be a link in a list of related pages: a short title, no sentence.
pub(crate) fn is_link_line(s: &str) -> bool {
    let n = s.chars().count();
    (2..=40).contains(&n)
        && !s.contains(['。', '，', '；', '：', ':'])
        && crate::frame::date_line(s).is_none()
        && crate::marker::parse(s).is_none()
}

/// Why a short line above the title is a tag: it repeats a piece of the title.
pub(crate) const TITLE_FRAGMENT: &str = "tag line: a fragment of the title";

/// Tag lines above the title: `head` holds the texts of the lines before the first line
/// of the body, `titles` the title-like lines seen there (kept or removed). Returns the
/// indexes in `head` that are tags, each with the reason.
pub(crate) fn tag_lines(head: &[&str], titles: &[&str]) -> Vec<(usize, &'static str)> {
    let mut out = Vec::new();
    for (i, &t) in head.iter().enumerate() {
        let n = t.chars().count();
        let year_alone = {
            let digits = t.trim_end_matches('年');
            digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_digit())
        };
        if year_alone {
            out.push((i, "tag line: a year alone"));
            continue;
        }
        if TAGS.contains(&t) {
            out.push((i, "tag line"));
            continue;
        }
        let plain = !t.contains(['。', '，', '；', '：', ':', '、']);
        // A fragment of a title nearby: "上半年", "工作总结", "经济开发区".
        if plain
            && n <= 8
            && titles
                .iter()
                .any(|title| title.len() > t.len() && title.contains(t))
        {
            out.push((i, TITLE_FRAGMENT));
            continue;
        }
        // The organization alone, repeated at the start of the title below it.
        if plain
            && n <= 30
            && head
                .get(i + 1)
                .is_some_and(|next| next.len() > t.len() && next.starts_with(t))
            && crate::frame::is_title_like(head[i + 1])
        {
            out.push((i, "tag line: the organization, repeated in the title below"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_lines() {
        for l in [
            "（16页珍藏版）",
            "由会员分享，可在线阅读，更多相关《2023经济开发区上半年工作总结范文（16页珍藏版）》请在文档网上搜索。",
            "客服QQ：800836512　客服电话：400-616-8035",
            "2023经济开发区上半年工作总结范文",
            "经济开发区2021年上半年工作总结范文（精选5篇）",
            // From the published corpus (39, 34, 23).
            "欢迎来到专业的唐家秘书网平台！工作总结工作计划心得体会思想汇报发言稿申请书述职报告自查报告",
            "下面是小编为大家整理的2024年度县工业园区工作开展情况总结汇报（精选文档），供大家参考。",
            "2024年度县工业园区工作开展情况总结汇报（精选文档）",
            "2023年株洲市天元区政府工作报告—全文",
            "管委会2020年工作总结范文和2020年工作思路",
            "【参考】此例优秀的办公资料“开发区工作总结范文及下年工作安排4篇”由阿拉题库的网友为您精心整理编辑，供大家学习参考。",
            "开篇：润墨网以专业的文秘视角，为您筛选了一篇开发区新发展工作计划范文，如需获取更多写作素材，在线客服老师一对一协助。欢迎您的阅读与分享！",
        ] {
            assert!(site_line(l).is_some(), "{l}");
        }
        for l in [
            "临港经济开发区管委会2023年上半年工作总结",
            "开展“云招商”，客户满意度达到98%。",
            "（三）园区承载能力不断提升",
        ] {
            assert_eq!(site_line(l), None, "{l}");
        }
    }

    #[test]
    fn notices_and_related_links() {
        assert!(is_notice_head("温馨提示："));
        assert!(!is_notice_head("温馨提示企业做好防汛准备，确保安全。"));
        assert!(is_notice_line(
            "1.本站所有文档均可在线预览，预览页数有限，如需完整内容请下载后查看。"
        ));
        assert!(!is_notice_line("1.招商引资量质齐升。"));
        assert!(is_related_head("相关推荐"));
        assert!(is_link_line("开发区管委会2021年上半年党建工作总结"));
        assert!(!is_link_line("2021年7月15日"));
        assert!(!is_link_line("一、上半年工作开展情况"));
    }

    #[test]
    fn tags_above_the_title() {
        let head = [
            "2023",
            "经济开发区",
            "上半年",
            "工作总结",
            "范文",
            "临港经济开发区管委会",
            "临港经济开发区管委会2023年上半年工作总结",
        ];
        let titles = ["临港经济开发区管委会2023年上半年工作总结"];
        let tags: Vec<usize> = tag_lines(&head, &titles).into_iter().map(|t| t.0).collect();
        assert_eq!(tags, vec![0, 1, 2, 3, 4, 5]);
        // A title over two lines is no tag: the organization is not repeated below it.
        let head = [
            "金川经济技术开发区管委会",
            "关于2023年上半年工作总结及下半年工作计划的报告",
        ];
        assert!(tag_lines(&head, &[head[1]]).is_empty());
        let head = [
            "白鹭湾高新技术产业开发区管委会",
            "2023年工作总结和2024年工作思路",
        ];
        assert!(tag_lines(&head, &[head[1]]).is_empty());
    }
}
