//! End to end: the real binary in a pseudo-terminal, driven by keys, read back through a
//! terminal emulator (vt100). Waits poll the screen with a deadline; nothing sleeps blindly.

mod common;

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

struct Screen {
    parser: vt100::Parser,
    raw: Vec<u8>,
}

type Writer = Arc<Mutex<Box<dyn Write + Send>>>;

struct Session {
    screen: Arc<Mutex<Screen>>,
    writer: Writer,
    child: Box<dyn Child + Send + Sync>,
    /// The thread reading the terminal's output; it ends when the program's side closes.
    reader: std::thread::JoinHandle<()>,
    _master: Box<dyn MasterPty + Send>,
}

const DEADLINE: Duration = Duration::from_secs(20);

impl Session {
    fn start(args: &[&str], cwd: &Path) -> Session {
        Session::start_with(args, cwd, false)
    }

    /// `ambiguous_wide`: answer cursor-position queries as a terminal that draws East Asian
    /// ambiguous-width characters two cells wide would (one column further on).
    fn start_with(args: &[&str], cwd: &Path, ambiguous_wide: bool) -> Session {
        let pty = native_pty_system();
        let pair = pty
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_vpc-tui"));
        cmd.args(args);
        cmd.cwd(cwd);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        let child = pair.slave.spawn_command(cmd).expect("spawn vpc-tui");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("reader");
        let writer: Writer = Arc::new(Mutex::new(pair.master.take_writer().expect("writer")));
        let replies = Arc::clone(&writer);
        let screen = Arc::new(Mutex::new(Screen {
            parser: vt100::Parser::new(
                NonZeroU16::new(24).unwrap(),
                NonZeroU16::new(80).unwrap(),
                0,
            ),
            raw: Vec::new(),
        }));
        let shared = Arc::clone(&screen);
        let reader = std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                let mut s = shared.lock().unwrap();
                s.parser.process(&buf[..n]);
                s.raw.extend_from_slice(&buf[..n]);
                // A terminal answers "where is the cursor?" (DSR); the app asks it once to
                // learn how wide the terminal draws ambiguous-width characters.
                if buf[..n].windows(4).any(|w| w == b"\x1b[6n") {
                    let (row, col) = s.parser.screen().cursor_position();
                    let col = col + 1 + u16::from(ambiguous_wide);
                    let reply = format!("\x1b[{};{}R", row + 1, col);
                    let mut w = replies.lock().unwrap();
                    let _ = w.write_all(reply.as_bytes());
                    let _ = w.flush();
                }
            }
        });
        Session {
            screen,
            writer,
            child,
            reader,
            _master: pair.master,
        }
    }

    fn contents(&self) -> String {
        self.screen.lock().unwrap().parser.screen().contents()
    }

    fn raw(&self) -> String {
        String::from_utf8_lossy(&self.screen.lock().unwrap().raw).into_owned()
    }

    /// Everything the program wrote, once it has exited and its last bytes were read: on a
    /// loaded machine the reader can still be behind when the exit is seen.
    fn raw_after_exit(&self) -> String {
        let start = Instant::now();
        while !self.reader.is_finished() && start.elapsed() < DEADLINE {
            std::thread::sleep(Duration::from_millis(20));
        }
        self.raw()
    }

    fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.contents();
            if screen.contains(text) {
                return screen;
            }
            if start.elapsed() > DEADLINE {
                panic!("waited {DEADLINE:?} for {text:?}; the screen:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn send(&mut self, keys: &str) {
        let mut w = self.writer.lock().unwrap();
        w.write_all(keys.as_bytes()).unwrap();
        w.flush().unwrap();
    }

    /// Send keys one at a time, so that a lone Esc is read as the Esc key.
    fn keys(&mut self, keys: &str) {
        for c in keys.chars() {
            self.send(&c.to_string());
            std::thread::sleep(Duration::from_millis(15));
        }
    }

    /// Send a signal (`TERM`, `HUP`, ...) to the program.
    fn signal(&self, name: &str) {
        let pid = self.child.process_id().expect("a pid");
        let ok = std::process::Command::new("kill")
            .arg(format!("-{name}"))
            .arg(pid.to_string())
            .status()
            .expect("kill")
            .success();
        assert!(ok, "kill -{name} {pid}");
    }

    fn wait_exit(&mut self) -> u32 {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                return status.exit_code();
            }
            if start.elapsed() > DEADLINE {
                let _ = self.child.kill();
                panic!("vpc-tui did not exit; the screen:\n{}", self.contents());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

/// A directory of the test's own, removed when it ends.
fn temp_dir(name: &str) -> common::cli::Scratch {
    common::cli::scratch(name)
}

fn copy_scenario(name: &str, dir: &Path) -> PathBuf {
    let from = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("scenarios")
        .join(format!("{name}.ron"));
    let to = dir.join(format!("{name}.ron"));
    std::fs::copy(from, &to).unwrap();
    to
}

/// The terminal is put back: alternate screen left, mouse reporting off, cursor shown.
fn assert_restored(raw: &str) {
    assert!(
        raw.contains("\x1b[?1049h"),
        "never entered the alternate screen"
    );
    let tail = &raw[raw.rfind("\x1b[?1049h").unwrap()..];
    assert!(tail.contains("\x1b[?1049l"), "alternate screen not left");
    assert!(tail.contains("\x1b[?1000l"), "mouse capture not turned off");
    assert!(tail.contains("\x1b[?25h"), "cursor not shown again");
}

#[test]
fn select_fail_an_az_undo_and_quit() {
    let dir = temp_dir("fail-az");
    copy_scenario("private-only", &dir);
    let mut s = Session::start(&["private-only.ron"], &dir);
    s.wait_for("REACHABLE via gateway_endpoint");
    s.wait_for("route rtb-private-a: pl-s3 → vpce-s3");
    s.keys("t");
    s.wait_for("To (target)");
    s.keys("/ssm\r");
    s.wait_for("Path: app-a → ssm");
    s.wait_for("REACHABLE via interface_endpoint (cross-AZ: sometimes)");
    // Fail AZ a: app-a itself goes down with it.
    s.keys("1");
    s.wait_for("UNAVAILABLE (source_az_failed)");
    s.wait_for("✖ FAILED: 1 us-east-1a");
    // Down to app-c: it still reaches SSM, through the ENIs that are left.
    s.keys("jj");
    let screen = s.wait_for("Path: app-c → ssm");
    assert!(
        screen.contains("REACHABLE via interface_endpoint"),
        "{screen}"
    );
    s.keys("u");
    s.wait_for("undo: fail AZ us-east-1a");
    s.keys("q");
    assert_eq!(s.wait_exit(), 0);
    assert_restored(&s.raw_after_exit());
}

#[test]
fn edit_save_quit_and_the_saved_file_loads() {
    let dir = temp_dir("save");
    let file = copy_scenario("gateway-public-rt", &dir);
    let original = std::fs::read_to_string(&file).unwrap();
    let mut s = Session::start(&["gateway-public-rt.ron"], &dir);
    s.wait_for("REACHABLE via gateway_endpoint");
    s.keys("s/app-a\r");
    s.wait_for("BLOCKED (no_route)");
    // Attach the S3 gateway endpoint to the private table.
    s.keys("e/attach or detach\r");
    s.wait_for("Gateway endpoint");
    s.keys("\r/rtb-private\r");
    s.wait_for("REACHABLE via gateway_endpoint");
    s.wait_for("● modified");
    s.keys("w");
    s.wait_for("Saved");
    // Another edit, then quit: the app asks, and "n" leaves the saved file as it was.
    s.keys("1");
    s.wait_for("✖ FAILED: 1 us-east-1a");
    s.keys("q");
    s.wait_for("Save before quitting?");
    s.keys("n");
    assert_eq!(s.wait_exit(), 0);
    assert_restored(&s.raw_after_exit());

    let saved = std::fs::read_to_string(&file).unwrap();
    assert_ne!(saved, original);
    let model = vpc_tui::model::load_file(&file).expect("the saved file loads and validates");
    let s3 = &model.scenario().gateway_endpoints[0];
    assert!(s3.route_tables.contains(&"rtb-private".to_string()));
    assert!(model.scenario().what_if.failed_azs.is_empty());
    // No temp file is left behind by the atomic save.
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.path() != file)
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_scenario_that_does_not_load_exits_2_without_touching_the_screen() {
    let dir = temp_dir("invalid");
    std::fs::write(
        dir.join("broken.ron"),
        "(region: \"us-east-1\", vpc: (cidrs: [\"10.0.0.0/16\"]),\n  oops\n",
    )
    .unwrap();
    let mut s = Session::start(&["broken.ron"], &dir);
    assert_eq!(s.wait_exit(), 2);
    let raw = s.raw_after_exit();
    assert!(raw.contains("broken.ron:"), "{raw}");
    assert!(
        !raw.contains("\x1b[?1049h"),
        "entered the alternate screen: {raw:?}"
    );
}

#[test]
fn a_terminal_that_draws_ambiguous_characters_wide_gets_narrow_symbols() {
    let dir = temp_dir("ascii");
    copy_scenario("private-only", &dir);
    let mut s = Session::start_with(&["private-only.ron"], &dir, true);
    let screen = s.wait_for("REACHABLE via gateway_endpoint");
    assert!(screen.contains("+Path: app-a > s3"), "{screen}");
    assert!(!screen.contains('┃') && !screen.contains('→'), "{screen}");
    s.keys("q");
    assert_eq!(s.wait_exit(), 0);
    // And with a narrow terminal the box drawing stays.
    let mut s = Session::start(&["private-only.ron"], &dir);
    let screen = s.wait_for("REACHABLE via gateway_endpoint");
    assert!(screen.contains("┌Path: app-a → s3"), "{screen}");
    s.keys("q");
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn a_lesson_in_japanese_predict_reveal_and_step() {
    let dir = temp_dir("lesson");
    copy_scenario("no-endpoint", &dir);
    let mut s = Session::start(&["lesson", "no-endpoint.ron", "--lang", "ja"], &dir);
    s.wait_for("レッスン 1/13");
    // The verdict stays hidden until the room answers.
    let screen = s.wait_for("答えるまで経路と判定は表示されません");
    assert!(!screen.contains("到達不可"), "{screen}");
    s.keys("a");
    s.wait_for("あなたの予想");
    s.keys("j\r");
    s.wait_for("正解です。");
    s.wait_for("到達不可 (no_route)");
    s.keys("n");
    s.wait_for("レッスン 2/13");
    s.keys("p");
    s.wait_for("レッスン 1/13");
    s.keys("q");
    assert_eq!(s.wait_exit(), 0);
    assert_restored(&s.raw_after_exit());
}

/// Issue 15 case 7: a signal restores the terminal and keeps unsaved edits, which the next
/// start offers back.
#[test]
fn signals_restore_the_terminal_and_keep_unsaved_edits() {
    for (name, number) in [("TERM", 15), ("HUP", 1), ("INT", 2), ("QUIT", 3)] {
        let dir = temp_dir(&format!("signal-{name}"));
        let file = copy_scenario("private-only", &dir);
        let mut s = Session::start(&["private-only.ron"], &dir);
        s.wait_for("REACHABLE via gateway_endpoint");
        s.keys("1");
        s.wait_for("✖ FAILED: 1 us-east-1a");
        s.signal(name);
        assert_eq!(s.wait_exit(), 128 + number, "SIG{name}");
        let raw = s.raw_after_exit();
        assert_restored(&raw);
        let tail = &raw[raw.rfind("\x1b[?1049h").unwrap()..];
        assert!(tail.contains("\x1b[?2004l"), "bracketed paste left on");
        let kept = dir.join(".private-only.recover.ron");
        let recovered = vpc_tui::model::load_file(&kept).expect("a recovery file that loads");
        assert_eq!(recovered.scenario().what_if.failed_azs, ["us-east-1a"]);
        // The file itself is as it was.
        assert!(
            vpc_tui::model::load_file(&file)
                .unwrap()
                .scenario()
                .what_if
                .failed_azs
                .is_empty()
        );
        if name == "TERM" {
            let mut s = Session::start(&["private-only.ron"], &dir);
            s.wait_for("Restore them");
            s.keys("\r");
            s.wait_for("✖ FAILED: 1 us-east-1a");
            s.keys("w");
            s.wait_for("Saved");
            s.keys("q");
            assert_eq!(s.wait_exit(), 0);
            assert!(!kept.exists(), "saving makes the recovery file moot");
        }
    }
}
