//! The run's results: a summary table on the terminal, `report.json` (every block and the
//! totals) and `blocks.svg` (the load's extrinsics per finalized block, a line per call).

use std::{collections::BTreeSet, fmt::Write as _, path::Path, time::Duration};

use serde_json::json;

use crate::tracker::{BlockRow, Totals};

/// A finished run.
#[derive(Clone, Debug)]
pub struct Report {
	/// What ran: the calls, accounts, rate.
	pub label: String,
	pub totals: Totals,
	/// Every finalized block from the start until the last of the load was finalized.
	pub blocks: Vec<BlockRow>,
	/// From the first submission to the last submission.
	pub submitting: Duration,
	/// From the first submission until the last of the load was finalized (or the run
	/// stopped).
	pub elapsed: Duration,
}

impl Report {
	/// The blocks that carried any of the load.
	pub fn loaded_blocks(&self) -> impl Iterator<Item = &BlockRow> {
		self.blocks.iter().filter(|row| row.ours_total() > 0)
	}

	/// The most of the load's extrinsics one block carried.
	pub fn max_per_block(&self) -> usize {
		self.loaded_blocks().map(BlockRow::ours_total).max().unwrap_or(0)
	}

	/// The load's finalized extrinsics per second: from the first submission to the
	/// finalization of the last block that carried any.
	pub fn finalized_per_second(&self) -> f64 {
		let last = self.loaded_blocks().map(|row| row.finalized_after).max();
		match last {
			Some(time) if !time.is_zero() => self.totals.finalized as f64 / time.as_secs_f64(),
			_ => 0.0,
		}
	}

	/// The summary as a Markdown table (what docs/performance.md quotes).
	pub fn table(&self) -> String {
		let t = &self.totals;
		let rejected: usize = t.rejected.values().sum();
		let loaded: Vec<&BlockRow> = self.loaded_blocks().collect();
		let full = loaded.iter().map(|row| row.normal_percent).fold(0.0, f64::max);
		let mut out = String::new();
		let _ = writeln!(out, "| {} | |", self.label);
		let _ = writeln!(out, "|---|---|");
		let rows = [
			("sent", t.sent.to_string()),
			("refused by the pool", rejected.to_string()),
			("included", t.included.to_string()),
			("finalized", t.finalized.to_string()),
			("accepted but never finalized", (t.sent - rejected - t.finalized).to_string()),
			("failed calls (included, fees paid)", t.failed.to_string()),
			("blocks that carried the load", loaded.len().to_string()),
			("most in one block", self.max_per_block().to_string()),
			("fullest block (normal class)", format!("{full:.1}%")),
			("submitting took", format!("{:.1} s", self.submitting.as_secs_f64())),
			("finalized per second", format!("{:.1}", self.finalized_per_second())),
			(
				"submit → included p50 / p95",
				format!("{} / {} ms", t.to_inclusion.p50, t.to_inclusion.p95),
			),
			(
				"submit → finalized p50 / p95",
				format!("{} / {} ms", t.to_finality.p50, t.to_finality.p95),
			),
		];
		for (what, value) in rows {
			let _ = writeln!(out, "| {what} | {value} |");
		}
		for (reason, count) in &t.rejected {
			let _ = writeln!(out, "| refused: {reason} | {count} |");
		}
		out
	}

	/// The report as JSON.
	pub fn json(&self) -> serde_json::Value {
		let t = &self.totals;
		json!({
			"label": self.label,
			"sent": t.sent,
			"rejected": t.rejected,
			"included": t.included,
			"finalized": t.finalized,
			"failed": t.failed,
			"maxPerBlock": self.max_per_block(),
			"finalizedPerSecond": self.finalized_per_second(),
			"submittingMs": self.submitting.as_millis() as u64,
			"elapsedMs": self.elapsed.as_millis() as u64,
			"toInclusionMs": { "p50": t.to_inclusion.p50 as u64, "p95": t.to_inclusion.p95 as u64, "max": t.to_inclusion.max as u64 },
			"toFinalityMs": { "p50": t.to_finality.p50 as u64, "p95": t.to_finality.p95 as u64, "max": t.to_finality.max as u64 },
			"blocks": self.blocks.iter().map(|row| json!({
				"number": row.number,
				"finalizedAfterMs": row.finalized_after.as_millis() as u64,
				"extrinsics": row.extrinsics,
				"ours": row.ours,
				"failed": row.failed,
				"weightPercent": row.weight_percent,
				"normalPercent": row.normal_percent,
			})).collect::<Vec<_>>(),
		})
	}

	/// Writes `report.json`, `report.md` and `blocks.svg` into `dir`.
	pub fn write(&self, dir: &Path) -> std::io::Result<()> {
		std::fs::create_dir_all(dir)?;
		let json = serde_json::to_string_pretty(&self.json()).expect("JSON values serialize");
		std::fs::write(dir.join("report.json"), json)?;
		std::fs::write(dir.join("report.md"), self.table())?;
		std::fs::write(dir.join("blocks.svg"), self.svg())
	}

	/// The load's extrinsics per finalized block, a line per call, as an SVG image.
	pub fn svg(&self) -> String {
		const W: f64 = 800.0;
		const H: f64 = 400.0;
		const M: f64 = 60.0;
		const COLOURS: [&str; 6] =
			["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"];
		let kinds: BTreeSet<&str> =
			self.blocks.iter().flat_map(|row| row.ours.keys().copied()).collect();
		let first = self.blocks.first().map_or(0, |row| row.number);
		let last = self.blocks.last().map_or(1, |row| row.number).max(first + 1);
		let top = self.blocks.iter().flat_map(|row| row.ours.values()).copied().max().unwrap_or(1);
		let top = top.max(1) as f64;
		let x = |n: u32| M + (n - first) as f64 / (last - first) as f64 * (W - 2.0 * M);
		let y = |v: usize| H - M - v as f64 / top * (H - 2.0 * M);
		let mut svg = format!(
			"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{W}\" height=\"{H}\" \
			 font-family=\"sans-serif\" font-size=\"12\">\n\
			 <rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n\
			 <text x=\"{M}\" y=\"24\" font-size=\"14\">{}</text>\n\
			 <line x1=\"{M}\" y1=\"{b}\" x2=\"{r}\" y2=\"{b}\" stroke=\"black\"/>\n\
			 <line x1=\"{M}\" y1=\"{M}\" x2=\"{M}\" y2=\"{b}\" stroke=\"black\"/>\n\
			 <text x=\"{M}\" y=\"{bl}\">#{first}</text>\n\
			 <text x=\"{r}\" y=\"{bl}\" text-anchor=\"end\">#{last} (finalized block)</text>\n\
			 <text x=\"{tx}\" y=\"{tl}\" text-anchor=\"end\">{top}</text>\n\
			 <text x=\"{tx}\" y=\"{b}\" text-anchor=\"end\">0</text>\n",
			escape(&self.label),
			b = H - M,
			r = W - M,
			bl = H - M + 18.0,
			tx = M - 6.0,
			tl = M + 4.0,
		);
		for (i, kind) in kinds.iter().enumerate() {
			let colour = COLOURS[i % COLOURS.len()];
			let points: Vec<String> = self
				.blocks
				.iter()
				.map(|row| {
					let value = row.ours.get(kind).copied().unwrap_or(0);
					format!("{:.1},{:.1}", x(row.number), y(value))
				})
				.collect();
			let _ = writeln!(
				svg,
				"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" points=\"{}\"/>\n\
				 <text x=\"{lx}\" y=\"{ly}\" fill=\"{colour}\" text-anchor=\"end\">{kind} per block</text>",
				points.join(" "),
				lx = W - M,
				ly = M + 16.0 * i as f64,
			);
		}
		svg.push_str("</svg>\n");
		svg
	}
}

fn escape(text: &str) -> String {
	text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
	use super::*;

	fn row(number: u32, transfers: usize, after: u64) -> BlockRow {
		let mut row = BlockRow {
			number,
			finalized_after: Duration::from_secs(after),
			extrinsics: transfers + 1,
			normal_percent: transfers as f64 / 10.0,
			..Default::default()
		};
		if transfers > 0 {
			row.ours.insert("transfer_keep_alive", transfers);
		}
		row
	}

	#[test]
	fn the_summary_counts_the_blocks_that_carried_the_load() {
		let report = Report {
			label: "transfers <test>".into(),
			totals: Totals { sent: 300, finalized: 300, included: 300, ..Default::default() },
			blocks: vec![row(5, 0, 6), row(6, 200, 12), row(7, 100, 18), row(8, 0, 24)],
			submitting: Duration::from_secs(1),
			elapsed: Duration::from_secs(24),
		};
		assert_eq!(report.max_per_block(), 200);
		assert_eq!(report.loaded_blocks().count(), 2);
		assert!((report.finalized_per_second() - 300.0 / 18.0).abs() < 1e-9);
		let table = report.table();
		assert!(table.contains("| most in one block | 200 |"), "{table}");
		assert!(table.contains("| fullest block (normal class) | 20.0% |"), "{table}");
		let svg = report.svg();
		assert!(svg.contains("transfers &lt;test&gt;"));
		assert_eq!(svg.matches("<polyline").count(), 1);
		assert_eq!(report.json()["blocks"].as_array().unwrap().len(), 4);
	}
}
