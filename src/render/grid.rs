//! Tables for the terminal, shared by `check`, `portfolio` and `rules`: comfy-table with colour
//! on a terminal, and a plain Markdown-style table otherwise, written directly so that a table
//! of 100,000 rows costs little more than its text.
//!
//! Layout only; callers choose the words.

use super::Style;
use crate::model::Rating;
use comfy_table::{Cell, Color, ContentArrangement, Table, presets};
use unicode_width::UnicodeWidthStr;

/// A table being filled: a header, then rows of cells, each optionally coloured by a rating.
pub struct Grid {
    style: Style,
    header: Vec<String>,
    rows: Vec<Vec<(String, Option<Rating>)>>,
}

impl Grid {
    pub fn new(style: Style, header: Vec<String>) -> Grid {
        Grid { style, header, rows: Vec::new() }
    }

    pub fn row(&mut self, cells: Vec<(String, Option<Rating>)>) {
        self.rows.push(cells);
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    pub fn render(self) -> String {
        if self.style.color { self.coloured() } else { self.plain() }
    }

    fn coloured(self) -> String {
        let mut table = Table::new();
        table.load_style(presets::UTF8_FULL_CONDENSED);
        table.set_content_arrangement(ContentArrangement::Dynamic);
        table.enforce_styling();
        table.set_header(self.header.iter().map(Cell::new));
        for row in self.rows {
            table.add_row(row.into_iter().map(|(text, rating)| {
                let cell = Cell::new(text);
                match rating {
                    Some(Rating::High) => cell.fg(Color::Red),
                    Some(Rating::Substantial) => cell.fg(Color::DarkYellow),
                    Some(Rating::Moderate) => cell.fg(Color::Yellow),
                    Some(Rating::Low) => cell.fg(Color::Green),
                    None => cell,
                }
            }));
        }
        table.to_string()
    }

    /// `| a | b |` rows under a `|---|---|` rule; a cell with several lines continues on the
    /// next rows.
    fn plain(self) -> String {
        let columns = self.header.len();
        let mut widths: Vec<usize> = self.header.iter().map(|h| h.width()).collect();
        for row in &self.rows {
            for (i, (text, _)) in row.iter().enumerate().take(columns) {
                let w = text.lines().map(UnicodeWidthStr::width).max().unwrap_or(0);
                widths[i] = widths[i].max(w);
            }
        }
        let mut out = String::new();
        let line = |out: &mut String, cells: &[&str]| {
            out.push('|');
            for (i, width) in widths.iter().enumerate() {
                let text = cells.get(i).copied().unwrap_or("");
                out.push(' ');
                out.push_str(text);
                out.push_str(&" ".repeat(width - text.width()));
                out.push_str(" |");
            }
            out.push('\n');
        };
        let header: Vec<&str> = self.header.iter().map(String::as_str).collect();
        line(&mut out, &header);
        out.push('|');
        for width in &widths {
            out.push_str(&"-".repeat(width + 2));
            out.push('|');
        }
        out.push('\n');
        for row in &self.rows {
            let split: Vec<Vec<&str>> = row.iter().map(|(text, _)| text.split('\n').collect()).collect();
            let height = split.iter().map(Vec::len).max().unwrap_or(1);
            for k in 0..height {
                let cells: Vec<&str> = split.iter().map(|lines| lines.get(k).copied().unwrap_or("")).collect();
                line(&mut out, &cells);
            }
        }
        out.pop();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::Lang;

    #[test]
    fn plain_tables_pad_and_continue_multi_line_cells() {
        let style = Style { color: false, details: false, lang: Lang::En };
        let mut grid = Grid::new(style, vec!["Name".into(), "N".into()]);
        grid.row(vec![("Ménaka".into(), None), ("12".into(), Some(Rating::High))]);
        grid.row(vec![("a\nbb".into(), None), ("3".into(), None)]);
        assert_eq!(
            grid.render(),
            "| Name   | N  |\n|--------|----|\n| Ménaka | 12 |\n| a      | 3  |\n| bb     |    |"
        );
    }
}
