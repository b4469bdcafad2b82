//! The run's results: a summary table per phase on the terminal, `report.json` (every block and
//! the totals) and `blocks.svg` (the load's extrinsics per finalized block, a line per call).

use std::{collections::BTreeSet, fmt::Write as _, path::Path, time::Duration};

use serde_json::json;

use crate::tracker::{BlockRow, Totals};

/// A finished run.
#[derive(Clone, Debug)]
pub struct Report {
	/// What ran: the calls, accounts, rate.
	pub label: String,
	pub totals: Totals,
	/// The finalized blocks that carried these calls (only these calls counted in `ours`).
	pub blocks: Vec<BlockRow>,
	/// When the first submission went out, on the run's clock (from which
	/// [`BlockRow::finalized_after`] counts).
	pub started: Duration,
	/// From the first submission to the last submission.
	pub submitting: Duration,
	/// From the first submission until the last of these calls was finalized.
	pub elapsed: Duration,
}

/// A whole run: its phases (transfers, then each phase of the guarantor scenario), each a
/// burst of extrinsics counted until finalized.
#[derive(Clone, Debug)]
pub struct Run {
	/// What ran.
	pub label: String,
	pub phases: Vec<Report>,
	/// Every finalized block of the run, with all of the load's calls in it (for the plot).
	pub blocks: Vec<BlockRow>,
	/// Why the run stopped before its last phase, if it did.
	pub stopped: Option<String>,
}

impl Run {
	/// Every phase's summary, after a table of what each call fitted in one block (when there is
	/// more than one phase), and why the run stopped early if it did.
	pub fn table(&self) -> String {
		let mut out = format!("## {}\n\n", self.label);
		if self.phases.len() > 1 {
			out.push_str(&self.block_fill());
			out.push('\n');
		}
		for phase in &self.phases {
			out.push_str(&phase.table());
			out.push('\n');
		}
		if let Some(why) = &self.stopped {
			let _ = writeln!(out, "**Stopped early**: {why}");
		}
		out
	}

	/// Per call: the most one block carried and that block's use of the normal class (a full
	/// block is near 100%: the count is then what fits), against the transfers'.
	pub fn block_fill(&self) -> String {
		let transfers = self
			.phases
			.iter()
			.find(|phase| phase.label.contains("transfer_keep_alive"))
			.map(Report::max_per_block);
		let mut out = String::from(
			"| call | most in one block | that block's normal class | of the transfers' |\n\
			 |---|---|---|---|\n",
		);
		for phase in &self.phases {
			let Some(fullest) = phase.fullest_block() else { continue };
			let kinds: Vec<&str> = fullest.ours.keys().copied().collect();
			let share = match transfers {
				Some(t) if t > 0 => {
					format!("{:.0}%", fullest.ours_total() as f64 / t as f64 * 100.0)
				}
				_ => "-".into(),
			};
			let _ = writeln!(
				out,
				"| {} | {} | {:.1}% | {share} |",
				kinds.join(" + "),
				fullest.ours_total(),
				fullest.normal_percent
			);
		}
		out
	}

	/// The run as JSON.
	pub fn json(&self) -> serde_json::Value {
		json!({
			"label": self.label,
			"stopped": self.stopped,
			"phases": self.phases.iter().map(Report::json).collect::<Vec<_>>(),
		})
	}

	/// Writes `report.json`, `report.md` and `blocks.svg` into `dir`.
	pub fn write(&self, dir: &Path) -> std::io::Result<()> {
		std::fs::create_dir_all(dir)?;
		let json = serde_json::to_string_pretty(&self.json()).expect("JSON values serialize");
		std::fs::write(dir.join("report.json"), json)?;
		std::fs::write(dir.join("report.md"), self.table())?;
		std::fs::write(dir.join("blocks.svg"), svg(&self.label, &self.blocks))
	}
}

impl Report {
	/// Why the phase did not succeed in full, if it did not: calls that failed (by the
	/// runtime's error), refused by the pool, or never finalized.
	pub fn incomplete(&self) -> Option<String> {
		let t = &self.totals;
		let rejected: usize = t.rejected.values().sum();
		if t.failed == 0 && rejected == 0 && t.finalized == t.sent {
			return None;
		}
		let mut why = format!(
			"{} sent, {} finalized, {} failed, {rejected} refused",
			t.sent, t.finalized, t.failed
		);
		for (error, count) in t.failures.iter().chain(&t.rejected) {
			let _ = write!(why, "; {error}: {count}");
		}
		Some(why)
	}

	/// The block that carried the most of the load.
	pub fn fullest_block(&self) -> Option<&BlockRow> {
		self.loaded_blocks().max_by_key(|row| row.ours_total())
	}

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
		match last.map(|time| time.saturating_sub(self.started)) {
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
		for (error, count) in &t.failures {
			let _ = writeln!(out, "| failed: {error} | {count} |");
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
			"failures": t.failures,
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

	/// The load's extrinsics per finalized block, a line per call, as an SVG image.
	pub fn svg(&self) -> String {
		svg(&self.label, &self.blocks)
	}
}

/// `blocks`' load per block, a line per call, as an SVG image titled `label`.
pub fn svg(label: &str, blocks: &[BlockRow]) -> String {
	const W: f64 = 800.0;
	const H: f64 = 400.0;
	const M: f64 = 60.0;
	const COLOURS: [&str; 8] =
		["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf"];
	let kinds: BTreeSet<&str> = blocks.iter().flat_map(|row| row.ours.keys().copied()).collect();
	let first = blocks.first().map_or(0, |row| row.number);
	let last = blocks.last().map_or(1, |row| row.number).max(first + 1);
	let top = blocks.iter().flat_map(|row| row.ours.values()).copied().max().unwrap_or(1);
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
		escape(label),
		b = H - M,
		r = W - M,
		bl = H - M + 18.0,
		tx = M - 6.0,
		tl = M + 4.0,
	);
	for (i, kind) in kinds.iter().enumerate() {
		let colour = COLOURS[i % COLOURS.len()];
		let points: Vec<String> = blocks
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
			started: Duration::ZERO,
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

	#[test]
	fn a_run_compares_each_call_s_fullest_block_with_the_transfers() {
		let phase = |label: &str, kind: &'static str, counts: &[usize]| {
			let blocks: Vec<BlockRow> = counts
				.iter()
				.enumerate()
				.map(|(i, &count)| {
					let mut row = row(10 + i as u32, 0, i as u64);
					if count > 0 {
						row.ours.insert(kind, count);
						row.normal_percent = count as f64 / 2.0;
					}
					row
				})
				.collect();
			let sent = counts.iter().sum();
			Report {
				label: label.into(),
				totals: Totals { sent, finalized: sent, included: sent, ..Default::default() },
				blocks,
				started: Duration::ZERO,
				submitting: Duration::from_secs(1),
				elapsed: Duration::from_secs(3),
			}
		};
		let mut vote = phase("300 × vote", "vote", &[150, 150, 0]);
		let run = Run {
			label: "all".into(),
			phases: vec![
				phase("400 × transfer_keep_alive", "transfer_keep_alive", &[200, 200]),
				vote.clone(),
			],
			blocks: Vec::new(),
			stopped: None,
		};
		let fill = run.block_fill();
		assert!(fill.contains("| transfer_keep_alive | 200 | 100.0% | 100% |"), "{fill}");
		assert!(fill.contains("| vote | 150 | 75.0% | 75% |"), "{fill}");
		assert!(run.table().contains(&fill));
		assert_eq!(run.json()["phases"].as_array().unwrap().len(), 2);
		assert_eq!(vote.incomplete(), None);
		vote.totals.failed = 2;
		vote.totals.failures.insert("Guarantor(NotPanelist)".into(), 2);
		let why = vote.incomplete().unwrap();
		assert!(why.contains("2 failed") && why.contains("Guarantor(NotPanelist): 2"), "{why}");
	}
}
