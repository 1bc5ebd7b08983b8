//! Native run of the speed benchmark (bench/README.md): one JSON line per
//! workload, in the peer harness's format (peer `descent-native`).
//!
//!   cargo run --release --example bench -- <data dir> [--workloads a,b] [--reps N]
//!
//! `<data dir>` is what `node bench/data.mjs --dump DIR` writes. Method as
//! bench.mjs: untimed warm-up runs (W3: 2 steps) for 0.25 s, at least one;
//! then at least `--reps` (3) timed runs, more (up to 10) while the median
//! run is under 0.2 s; each run starts from the initial weights; only
//! `train()` is inside the clock.
//! `final_loss` / `accuracy` are evaluated after the last run.

use descent::bench::{playground_grid, Bench, Workload};
use serde_json::{json, Map, Value};
use std::path::{Path, PathBuf};
use std::time::Instant;

const FAST_REP_S: f64 = 0.2;
const MAX_REPS: usize = 10;
const GRID_REPS: usize = 20;
const WARM_S: f64 = 0.25;

type Res<T> = Result<T, String>;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut dir = None;
    let mut reps = 3;
    let mut workloads: Vec<Workload> = Workload::ALL.to_vec();
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--reps" => {
                i += 1;
                reps = args.get(i).and_then(|v| v.parse().ok()).unwrap_or(3);
            }
            "--workloads" => {
                i += 1;
                let list = args.get(i).map(String::as_str).unwrap_or("");
                workloads = match list.split(',').map(Workload::parse).collect() {
                    Ok(w) => w,
                    Err(e) => die(&e.to_string()),
                };
            }
            "-h" | "--help" => die(
                "usage: cargo run --release --example bench -- <data dir> [--workloads a,b] [--reps N]",
            ),
            other => dir = Some(PathBuf::from(other)),
        }
        i += 1;
    }
    let dir = dir.unwrap_or_else(|| die("missing <data dir> (node bench/data.mjs --dump DIR)"));
    for w in workloads {
        let load0 = loadavg();
        let mut line = match run(w, &dir, reps.max(1)) {
            Ok(v) => v,
            Err(e) => {
                let mut m = Map::new();
                m.insert("error".into(), json!(e));
                m
            }
        };
        let mut out = Map::new();
        out.insert("peer".into(), json!("descent-native"));
        out.insert("workload".into(), json!(w.name()));
        out.append(&mut line);
        out.insert("loadavg_1m".into(), json!([load0, loadavg()]));
        out.insert("date".into(), json!(iso_now()));
        println!("{}", Value::Object(out));
    }
}

fn die(msg: &str) -> ! {
    eprintln!("{msg}");
    std::process::exit(2)
}

/// Features then label, header first; `scale` divides every feature (W3's
/// bytes by 255). Parsed as f64 and rounded to f32, as Float32Array.from does.
fn read_set(path: &Path, scale: f64) -> Res<(Vec<f32>, Vec<f32>)> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let (mut x, mut y) = (Vec::new(), Vec::new());
    for line in text.lines().skip(1).filter(|l| !l.is_empty()) {
        let vals: Vec<f64> = line
            .split(',')
            .map(|v| v.parse::<f64>())
            .collect::<Result<_, _>>()
            .map_err(|e| format!("{}: {e}", path.display()))?;
        let (label, feats) = vals.split_last().ok_or("empty row")?;
        x.extend(feats.iter().map(|&v| (v / scale) as f32));
        y.push(*label as f32);
    }
    Ok((x, y))
}

/// `param,shape,index,value` rows, in file order (= the engine's layout).
fn read_init(path: &Path) -> Res<Vec<f32>> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    text.lines()
        .skip(1)
        .filter(|l| !l.is_empty())
        .map(|l| {
            l.rsplit(',')
                .next()
                .and_then(|v| v.parse::<f64>().ok())
                .map(|v| v as f32)
                .ok_or_else(|| format!("{}: bad row {l}", path.display()))
        })
        .collect()
}

fn median(v: &[f64]) -> f64 {
    let mut s = v.to_vec();
    s.sort_by(|a, b| a.total_cmp(b));
    let m = s.len() / 2;
    if s.len() % 2 == 1 {
        s[m]
    } else {
        (s[m - 1] + s[m]) / 2.0
    }
}

/// JavaScript's `Number(v.toPrecision(d))`; non-finite values as strings.
fn round(v: f64, d: usize) -> Value {
    if v.is_finite() {
        json!(format!("{:.*e}", d - 1, v).parse::<f64>().unwrap_or(v))
    } else {
        json!(if v.is_nan() {
            "NaN".to_string()
        } else {
            format!("{}Infinity", if v < 0.0 { "-" } else { "" })
        })
    }
}

/// The process's CPU time, all threads (as Node's `process.cpuUsage()`).
#[cfg(target_os = "linux")]
fn cpu_seconds() -> Option<f64> {
    #[repr(C)]
    struct Timespec {
        sec: i64,
        nsec: i64,
    }
    extern "C" {
        fn clock_gettime(clock: i32, ts: *mut Timespec) -> i32;
    }
    const CLOCK_PROCESS_CPUTIME_ID: i32 = 2;
    let mut ts = Timespec { sec: 0, nsec: 0 };
    // SAFETY: clock_gettime writes one timespec (two longs on 64-bit Linux)
    // into the valid, exclusively borrowed `ts`.
    let rc = unsafe { clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &mut ts) };
    (rc == 0 && cfg!(target_pointer_width = "64")).then_some(ts.sec as f64 + ts.nsec as f64 * 1e-9)
}

#[cfg(not(target_os = "linux"))]
fn cpu_seconds() -> Option<f64> {
    None
}

fn loadavg() -> Value {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok())
        .map_or(Value::Null, |v| round(v, 3))
}

fn run(w: Workload, dir: &Path, reps: usize) -> Res<Map<String, Value>> {
    let spec = w.spec();
    let (set, scale) = match w {
        Workload::PlaygroundMlp => ("spiral", 1.0),
        Workload::DigitsMlp => ("digits", 1.0),
        Workload::MnistCnn => ("mnist-synth", 255.0),
        Workload::SeedLinreg => ("linreg", 1.0),
        Workload::SineRnn => ("sine", 1.0),
    };
    let (x, y) = read_set(&dir.join(format!("{set}.csv")), scale)?;
    let init = read_init(&dir.join(format!("init-{}.csv", w.name())))?;
    let mut b = Bench::new(w, &x, &y, &init).map_err(|e| e.to_string())?;

    // Warm-up on the same code path for WARM_S (at least one run, as every
    // harness does), then timed runs from the initial weights.
    let w0 = Instant::now();
    loop {
        b.reset();
        if w == Workload::MnistCnn {
            b.train_steps(2);
        } else {
            b.train();
        }
        if w0.elapsed().as_secs_f64() >= WARM_S {
            break;
        }
    }
    let (mut secs, mut cpu) = (Vec::new(), Vec::new());
    let mut counts;
    loop {
        b.reset();
        let c0 = cpu_seconds();
        let t0 = Instant::now();
        counts = b.train();
        secs.push(t0.elapsed().as_secs_f64());
        if let (Some(a), Some(z)) = (c0, cpu_seconds()) {
            cpu.push(z - a);
        }
        let r = secs.len();
        if !(r < reps || (r < MAX_REPS && median(&secs) < FAST_REP_S)) {
            break;
        }
    }
    let eval = b.evaluate_train();
    let s = median(&secs);
    let mut m = Map::new();
    m.insert("steps".into(), json!(counts.steps));
    m.insert("seconds".into(), round(s, 6));
    m.insert("steps_per_sec".into(), round(counts.steps as f64 / s, 6));
    m.insert(
        "samples_per_sec".into(),
        round(counts.samples as f64 / s, 6),
    );
    m.insert("final_loss".into(), round(eval.loss, 6));
    m.insert(
        "accuracy".into(),
        eval.accuracy.map_or(Value::Null, |a| round(a, 4)),
    );

    match w {
        Workload::PlaygroundMlp => {
            let grid = match read_set(&dir.join("grid.csv"), 1.0) {
                // grid.csv has two columns: x1 then x2 (read as feature, label).
                Ok((x1, x2)) => x1.iter().zip(&x2).flat_map(|(&a, &b)| [a, b]).collect(),
                Err(_) => playground_grid(),
            };
            let mut out = vec![0.0f32; grid.len() / 2];
            let mut times = Vec::new();
            for r in 0..3 + GRID_REPS {
                let t0 = Instant::now();
                b.grid_predict(&grid, &mut out);
                std::hint::black_box(&out);
                if r >= 3 {
                    times.push(t0.elapsed().as_secs_f64() * 1e3);
                }
            }
            m.insert("grid_predict_ms".into(), round(median(&times), 4));
        }
        Workload::SeedLinreg => {
            let (xt, yt) = read_set(&dir.join("linreg-test.csv"), 1.0)?;
            m.insert("test_mse".into(), round(b.evaluate(&xt, &yt).loss, 6));
            let lr = 0.1;
            let mut d =
                Bench::with_learning_rate(w, &x, &y, &init, lr).map_err(|e| e.to_string())?;
            d.train();
            let l = d.evaluate_train().loss;
            m.insert("lr_tried".into(), json!(lr));
            m.insert("loss_at_lr_tried".into(), round(l, 6));
            m.insert(
                "diverged_at_lr_tried".into(),
                json!(!(l.is_finite() && l < 1.0)),
            );
        }
        _ => {}
    }

    m.insert("samples".into(), json!(counts.samples));
    m.insert(
        "epochs".into(),
        round(counts.samples as f64 / y.len() as f64, 6),
    );
    m.insert("batch_size".into(), json!(spec.batch.unwrap_or(y.len())));
    m.insert("lr".into(), json!(spec.lr));
    m.insert(
        "optimizer".into(),
        json!(match spec.optimizer.id() {
            "momentum" => "sgd-momentum",
            o => o,
        }),
    );
    if let Some(mo) = spec.momentum {
        m.insert("momentum".into(), json!(mo));
    }
    m.insert("reps".into(), json!(secs.len()));
    m.insert(
        "seconds_all".into(),
        Value::Array(secs.iter().map(|&s| round(s, 4)).collect()),
    );
    m.insert(
        "cpu_seconds".into(),
        if cpu.is_empty() {
            Value::Null
        } else {
            round(median(&cpu), 4)
        },
    );
    m.insert(
        "api".into(),
        json!("descent::bench::Bench (Network + Loss + Optimizer), native release build"),
    );
    m.insert(
        "backend".into(),
        json!({
            "backend": format!("native {}", std::env::consts::ARCH),
            "simd": simd(),
            "threads": 1,
            "version": env!("CARGO_PKG_VERSION"),
        }),
    );
    Ok(m)
}

fn simd() -> &'static str {
    if cfg!(target_feature = "avx2") {
        "avx2"
    } else if cfg!(target_feature = "sse2") {
        "sse2 (x86-64 baseline)"
    } else if cfg!(target_feature = "neon") {
        "neon"
    } else {
        "none"
    }
}

/// UTC now as `YYYY-MM-DDTHH:MM:SS.mmmZ` (Hinnant's civil-from-days).
fn iso_now() -> String {
    let d = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    let (secs, ms) = (d.as_secs() as i64, d.subsec_millis());
    let (days, sod) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{ms:03}Z",
        sod / 3600,
        sod % 3600 / 60,
        sod % 60
    )
}
