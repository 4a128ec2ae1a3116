#!/usr/bin/python3
"""FiffKit interoperability checks: MNE-Python reads an anonymized file and compares it with the original.

Run with the interpreter that has MNE-Python (Debian's python3-mne 1.3: /usr/bin/python3).

  mne_interop.py check --reader R --input IN --output OUT [--expect JSON]   one verdict (JSON) on stdout
  mne_interop.py batch JOBS.json VERDICTS.json                            many checks, one MNE import
  mne_interop.py compare-mne --input IN --output OUT [--daysback N] [--keep-his] [--reference MNE_OUT]
        MNE-Python's own anonymization of IN (in memory, or the file MNE_OUT it wrote) against OUT, field by
        field

Readers: raw, evoked, cov, proj, events, annotations, forward, source-space, bem, bem-solution, trans,
fiducials, dipole. A verdict is {"ok": true|false|null, "problems": [...], ...}; ok null means MNE-Python
could not read the input with that reader ("skip" says why), so there is nothing to compare.

The expectation (from the Java side) says what the policy promises for each PHI field MNE-Python reports:
  {"meas_date": {"mode": "set", "date": "2000-01-01"} | {"mode": "landOn", "stamp": [s, us]}
                | {"mode": "offsetDays", "days": N} | {"mode": "keep"},
   "fields": {"experimenter": {"op": "replace", "value": "mne_anonymize"} | {"op": "same"} | {"op": "absent"},
              "subject_info.birthday": {"op": "birthday", "mode": "set|followMeasurement|yearOnly|offsetDays",
                                        "date": "...", "days": N}, ...},
   "texts": "same" | "scrubbed",
   "leaks": "none",          (no PHI text of the input anywhere in the texts MNE-Python reads from the output)
   "mne_refusal": true}      (also run MNE-Python's anonymize_info on the input and report whether it refuses)
"replace" means: where the input has the field, the output has exactly this value; where it has not, the
output has not either (no tag is created).
"""
import argparse
import datetime
import json
import os
import sys
import traceback
import warnings

import numpy as np

DATE_NONE = (0, 2**31 - 1)
EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)

_mne = None


def mne():
    global _mne
    if _mne is None:
        import mne as m
        m.set_log_level("ERROR")
        _mne = m
    return _mne


# ------------------------------------------------------------------------------------------ readers
def read(reader, path):
    """Everything the reader gives, as a dict of comparable parts; raises when MNE cannot read the file."""
    m = mne()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if reader == "raw":
            raw = m.io.read_raw_fif(path, allow_maxshield=True, preload=True)
            ann = raw.annotations
            return {"info": raw.info, "data": raw._data, "first_samp": raw.first_samp,
                    "n_times": raw.n_times, "n_parts": len(raw.filenames),
                    "part_dirs": sorted({os.path.dirname(os.path.abspath(str(f))) for f in raw.filenames}),
                    "compensation_grade": raw.compensation_grade,
                    "annotations": {"onset": ann.onset, "duration": ann.duration,
                                    "description": list(ann.description), "orig_time": ann.orig_time}}
        if reader == "evoked":
            evs = m.read_evokeds(path, baseline=None, proj=False)
            return {"info": evs[0].info,
                    "evokeds": [{"data": e.data, "times": e.times, "nave": e.nave, "kind": e.kind,
                                 "first": e.first, "last": e.last, "baseline": e.baseline,
                                 "comment": e.comment, "info": e.info} for e in evs]}
        if reader == "cov":
            c = m.read_cov(path)
            return {"cov": {k: c[k] for k in c.keys()}}
        if reader == "proj":
            return {"projs": m.read_proj(path)}
        if reader == "events":
            return {"events": m.read_events(path)}
        if reader == "annotations":
            a = m.read_annotations(path)
            return {"annotations": {"onset": a.onset, "duration": a.duration,
                                    "description": list(a.description), "orig_time": a.orig_time}}
        if reader == "forward":
            f = m.read_forward_solution(path)
            return {"forward": {k: f[k] for k in f.keys() if k != "info"}, "info": f["info"]}
        if reader == "source-space":
            src = m.read_source_spaces(path)
            return {"src": [dict(s) for s in src], "src_info": dict(src.info)}
        if reader == "bem":
            return {"bem": m.read_bem_surfaces(path)}
        if reader == "bem-solution":
            return {"bem_solution": dict(m.read_bem_solution(path))}
        if reader == "trans":
            return {"trans": dict(m.read_trans(path))}
        if reader == "fiducials":
            pts, frame = m.io.read_fiducials(path)
            return {"fiducials": {"pts": pts, "coord_frame": frame}}
        if reader == "dipole":
            d = m.read_dipole(path)
            if not hasattr(d, "pos"):  # a DipoleFixed: a time course with its measurement info
                return {"info": d.info, "dipole": {"data": d.data, "times": d.times}}
            return {"dipole": {"times": d.times, "pos": d.pos, "amplitude": d.amplitude, "ori": d.ori,
                               "gof": d.gof, "name": d.name, "conf": d.conf, "khi2": d.khi2,
                               "nfree": d.nfree}}
    raise ValueError(f"unknown reader {reader!r}")


def root_id(path):
    """The file's own FILE_ID as MNE's low-level reader sees it."""
    from mne.io.open import fiff_open
    fid, tree, _ = fiff_open(path)
    fid.close()
    return tree.get("id")


# ------------------------------------------------------------------------------------------ comparing
# Fields that may hold PHI: checked against the expectation, not for equality.
PHI_INFO_KEYS = {"meas_date", "file_id", "meas_id", "experimenter", "description", "proj_id", "proj_name",
                 "subject_info", "utc_offset", "device_info", "helium_info", "proc_history", "hpi_meas",
                 "acq_pars", "acq_stim", "events", "hpi_results", "meas_file", "working_dir", "command_line",
                 "mri_file", "mri_id", "xplotter_layout"}
# Source-space fields that may hold PHI: the subject (HIS id) and MRI file paths.
SRC_PHI = ("subject_his_id", "mri_file", "mri_volume_name")
# Info keys with no PHI: must be equal.
SAME_INFO_KEYS = ["ch_names", "chs", "bads", "nchan", "sfreq", "highpass", "lowpass", "line_freq", "projs",
                  "comps", "dig", "dev_head_t", "ctf_head_t", "dev_ctf_t", "custom_ref_applied",
                  "hpi_subsystem", "gantry_angle", "kit_system_id", "maxshield", "device_info.type",
                  "device_info.model", "helium_info.he_level_raw", "helium_info.helium_level"]
# Free text a scrubbing preset may change (same length); everything else must be equal.
TEXT_KEYS = {"desc", "comment", "description", "acq_pars", "acq_stim", "name", "command_line", "working_dir"}


def same(a, b, path, problems, texts="same"):
    """Deep, bit-exact comparison; differences appended to problems."""
    if len(problems) > 50:
        return
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        a2, b2 = np.asarray(a), np.asarray(b)
        if a2.dtype != b2.dtype or a2.shape != b2.shape:
            problems.append(f"{path}: {a2.dtype}{a2.shape} != {b2.dtype}{b2.shape}")
        elif a2.dtype == object:
            for i, (x, y) in enumerate(zip(a2.ravel(), b2.ravel())):
                same(x, y, f"{path}[{i}]", problems, texts)
        elif a2.tobytes() != b2.tobytes():
            diff = np.flatnonzero(a2.ravel().view(np.uint8) != b2.ravel().view(np.uint8))
            problems.append(f"{path}: data differs ({diff.size} bytes differ, first at byte {diff[0]})")
        return
    if hasattr(a, "keys") and hasattr(b, "keys"):
        ka, kb = set(a.keys()), set(b.keys())
        if ka != kb:
            problems.append(f"{path}: keys {sorted(map(str, ka ^ kb))} only in one")
        for k in sorted(ka & kb, key=str):
            same(a[k], b[k], f"{path}.{k}", problems, texts)
        return
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        if len(a) != len(b):
            problems.append(f"{path}: {len(a)} items != {len(b)}")
            return
        for i, (x, y) in enumerate(zip(a, b)):
            same(x, y, f"{path}[{i}]", problems, texts)
        return
    if isinstance(a, str) and isinstance(b, str) and a != b:
        key = path.rsplit(".", 1)[-1].split("[")[0]
        if texts == "scrubbed" and key in TEXT_KEYS and len(a) == len(b):
            return
        problems.append(f"{path}: {a[:80]!r} != {b[:80]!r}")
        return
    if isinstance(a, float) and isinstance(b, float):
        if np.float64(a).tobytes() != np.float64(b).tobytes():
            problems.append(f"{path}: {a!r} != {b!r}")
        return
    try:
        eq = bool(a == b)
    except Exception:  # noqa: BLE001
        eq = repr(a) == repr(b)
    if not eq or type(a) is not type(b):
        problems.append(f"{path}: {a!r} != {b!r}")


def get(obj, dotted):
    for part in dotted.split("."):
        if obj is None:
            return None
        obj = obj.get(part) if hasattr(obj, "get") else None
    return obj


def stamp(dt):
    """datetime -> (secs, usecs) in UTC."""
    delta = dt - EPOCH
    return (delta.days * 86400 + delta.seconds, delta.microseconds)


def from_stamp(secs, usecs):
    return EPOCH + datetime.timedelta(seconds=int(secs), microseconds=int(usecs))


def as_time(v):
    """A date as MNE 1.3 gives it (datetime, or (secs, usecs)) -> datetime, or None."""
    if v is None or isinstance(v, datetime.datetime):
        return v
    v = np.asarray(v).ravel().tolist()
    return from_stamp(v[0], v[1] if len(v) > 1 else 0)


def norm(v):
    """Comparable plain value: numpy scalars and one-element arrays to Python scalars."""
    if isinstance(v, np.ndarray):
        v = v.tolist()
        if isinstance(v, list) and len(v) == 1:
            v = v[0]
    if isinstance(v, np.generic):
        v = v.item()
    return v


def value_matches(v, expected):
    v = norm(v)
    if isinstance(v, (int, float)) and not isinstance(v, bool) and isinstance(expected, (int, float, str)):
        try:
            return float(v) == float(expected)
        except ValueError:
            return False
    return v == expected or str(v) == str(expected)


def birthday_date(b):
    if b is None:
        return None
    if isinstance(b, datetime.date):
        return b if not isinstance(b, datetime.datetime) else b.date()
    return datetime.date(int(b[0]), int(b[1]), int(b[2]))


class Expect:
    def __init__(self, spec, inp, out, problems, checked):
        self.spec, self.inp, self.out, self.problems, self.checked = spec or {}, inp, out, problems, checked

    def fail(self, msg):
        self.problems.append(msg)

    # ---- dates
    def new_time(self, old):
        """Where the policy moves a time (datetime) that is not 'no date'."""
        md = self.spec.get("meas_date", {"mode": "keep"})
        mode = md.get("mode", "keep")
        if mode == "keep":
            return old
        if mode == "set":
            d = datetime.date.fromisoformat(md["date"])
            return datetime.datetime(d.year, d.month, d.day, tzinfo=datetime.timezone.utc)
        if mode == "offsetDays":
            return old - datetime.timedelta(days=md["days"])
        if mode == "landOn":
            target = from_stamp(*md["stamp"])
            ref = self.reference()
            return old - (ref - target) if ref is not None else old
        raise ValueError(mode)

    def reference(self):
        """The recording's measurement date as MNE-Python sees it; for files without measurement info, the
        time of the file's own ID (where MNE-Python's choice of the measurement ID ends)."""
        if "info" in self.inp:
            return self.inp["info"].get("meas_date")
        rid = self.inp.get("root_id")
        if rid is None or (int(rid["secs"]), int(rid["usecs"])) == DATE_NONE:
            return None
        return from_stamp(rid["secs"], rid["usecs"])

    def id_check(self, name, a, b, path):
        """An ID: machine id zero, version kept, time moved like the measurement date."""
        if b is None:
            if a is not None:
                self.fail(f"{path}: ID removed")
            return
        self.checked.append(path)
        if list(np.asarray(b["machid"]).tolist()) != [0, 0]:
            self.fail(f"{path}: machine id {b['machid']} not zeroed")
        if a is None:
            return
        if int(a["version"]) != int(b["version"]):
            self.fail(f"{path}: version {a['version']} -> {b['version']}")
        old = (int(a["secs"]), int(a["usecs"]))
        new = (int(b["secs"]), int(b["usecs"]))
        if old == DATE_NONE or self.no_date():
            if new != DATE_NONE and self.no_date():
                self.fail(f"{path}: time {new} but the recording has no date: expected {DATE_NONE}")
            if old == DATE_NONE and new != DATE_NONE:
                self.fail(f"{path}: 'no date' marker replaced by {new}")
            return
        try:
            want = stamp(self.new_time(from_stamp(*old)))
        except (OverflowError, ValueError) as e:
            self.fail(f"{path}: time {old} cannot be moved ({e}), yet the file was written")
            return
        if want != new:
            self.fail(f"{path}: time {new}, expected {want} (from {old})")

    def no_date(self):
        """MNE-Python 1.3's branch for a recording without a measurement date (when the policy moves dates
        relative to it): ID times become the 'no date' marker, the birthday goes."""
        md = self.spec.get("meas_date", {})
        bd = self.spec.get("fields", {}).get("subject_info.birthday", {})
        relative = md.get("mode") == "landOn" or bd.get("mode") == "followMeasurement"
        return relative and self.reference() is None

    def meas_date(self):
        a, b = self.inp["info"].get("meas_date"), self.out["info"].get("meas_date")
        self.checked.append("meas_date")
        if a is None:
            if b is not None:
                self.fail(f"meas_date: input has none, output has {b}")
            return None
        want = self.new_time(a)
        if b != want:
            self.fail(f"meas_date: {b}, expected {want}")
        return a - b if b is not None else None

    # ---- fields
    def field(self, name, rule, a, b):
        op = rule.get("op")
        self.checked.append(name)
        if op == "same":
            p = []
            same(a, b, name, p, self.spec.get("texts", "same"))
            self.problems.extend(p)
        elif op == "absent":
            if b is not None:
                self.fail(f"{name}: {b!r} left (expected removed)")
        elif op == "replace":
            if a is None:
                if b is not None:
                    self.fail(f"{name}: created with {b!r} (input had none)")
            elif b is None:
                self.fail(f"{name}: removed (expected {rule['value']!r})")
            elif not value_matches(b, rule["value"]):
                self.fail(f"{name}: {norm(b)!r}, expected {rule['value']!r}")
        elif op == "birthday":
            self.birthday(name, rule, birthday_date(a), birthday_date(b))
        else:
            raise ValueError(f"unknown op {op!r} for {name}")

    def birthday(self, name, rule, a, b):
        if a is None:
            if rule["mode"] == "set" and b == datetime.date.fromisoformat(rule["date"]):
                return  # a birthday MNE-Python could not read (e.g. Julian day 2^31-1), replaced
            if b is not None:
                self.fail(f"{name}: created with {b}")
            return
        mode = rule["mode"]
        if mode == "remove" or (mode == "followMeasurement" and self.no_date()):
            if b is not None:
                self.fail(f"{name}: {b} left (expected removed)")
            return
        if mode == "set":
            want = datetime.date.fromisoformat(rule["date"])
        elif mode == "offsetDays":
            want = a - datetime.timedelta(days=rule["days"])
        elif mode == "followMeasurement":
            ref = self.reference()
            delta = ref - self.new_time(ref)
            want = (datetime.datetime(a.year, a.month, a.day) - delta).date()
        elif mode == "yearOnly":
            at = self.reference()
            at = at.date() if at is not None else datetime.date.today()
            year = a.year
            age = at.year - a.year - ((at.month, at.day) < (a.month, a.day))
            if a <= at and age > 89:
                year = at.year - 90
            want = datetime.date(year, 1, 1)
        else:
            raise ValueError(mode)
        if b != want:
            self.fail(f"{name}: {b}, expected {want} (from {a})")

    def info(self):
        ia, ib = self.inp["info"], self.out["info"]
        texts = self.spec.get("texts", "same")
        for key in SAME_INFO_KEYS:
            p = []
            same(get(ia, key), get(ib, key), f"info.{key}", p, texts)
            self.problems.extend(p)
            self.checked.append(f"info.{key}")
        delta = self.meas_date()
        self.id_check("file_id", ia.get("file_id"), ib.get("file_id"), "info.file_id")
        self.id_check("meas_id", ia.get("meas_id"), ib.get("meas_id"), "info.meas_id")
        fields = self.spec.get("fields", {})
        for name, rule in fields.items():
            if name.startswith(("src.", "env.")):
                continue
            self.field(name, rule, get(ia, name), get(ib, name))
        # helium date moves like the measurement date
        ha, hb = as_time(get(ia, "helium_info.meas_date")), as_time(get(ib, "helium_info.meas_date"))
        if ha is not None and "helium_info.meas_date" not in fields:
            self.checked.append("helium_info.meas_date")
            if hb is None:
                self.fail("helium_info.meas_date removed")
            elif not self.no_date() and hb != self.new_time(ha):
                self.fail(f"helium_info.meas_date: {hb}, expected {self.new_time(ha)}")
        # processing history: IDs and dates move, experimenter as the policy says, the rest stays
        pa, pb = ia.get("proc_history") or [], ib.get("proc_history") or []
        if len(pa) != len(pb):
            self.fail(f"proc_history: {len(pa)} records -> {len(pb)}")
        for i, (ra, rb) in enumerate(zip(pa, pb)):
            self.id_check("block_id", ra.get("block_id"), rb.get("block_id"), f"proc_history[{i}].block_id")
            if ra.get("date") is not None and not self.no_date():
                self.checked.append(f"proc_history[{i}].date")
                want = stamp(self.new_time(from_stamp(*ra["date"])))
                if tuple(int(x) for x in rb["date"]) != want:
                    self.fail(f"proc_history[{i}].date: {tuple(rb['date'])}, expected {want}")
            rule = fields.get("proc_history.experimenter", {"op": "same"})
            self.field(f"proc_history[{i}].experimenter", rule, ra.get("experimenter"), rb.get("experimenter"))
            ma, mb = dict(ra.get("max_info") or {}), dict(rb.get("max_info") or {})
            ca, cb = dict(ma.pop("sss_ctc", None) or {}), dict(mb.pop("sss_ctc", None) or {})
            self.id_check("block_id", ca.pop("block_id", None), cb.pop("block_id", None),
                          f"proc_history[{i}].max_info.sss_ctc.block_id")
            da, db = as_time(ca.pop("date", None)), as_time(cb.pop("date", None))
            if da is not None:
                self.checked.append(f"proc_history[{i}].max_info.sss_ctc.date")
                want = None if self.no_date() else self.new_time(da)
                if db is None or (want is not None and db != want):
                    self.fail(f"proc_history[{i}].max_info.sss_ctc.date: {db}, expected {want}")
            p = []
            same(ma, mb, f"proc_history[{i}].max_info", p, texts)
            same(ca, cb, f"proc_history[{i}].max_info.sss_ctc", p, texts)
            self.problems.extend(p)
        # acquisition texts: equal, or scrubbed to the same length
        for key in ("acq_pars", "acq_stim"):
            p = []
            same(ia.get(key), ib.get(key), f"info.{key}", p, texts)
            self.problems.extend(p)
        return delta


PHI_STRING_FIELDS = ("subject_info.first_name", "subject_info.middle_name", "subject_info.last_name",
                     "subject_info.his_id", "experimenter", "description", "proj_name", "device_info.serial",
                     "device_info.site", "helium_info.orig_file_guid")


def strings(x, out):
    """Every text MNE-Python gives, anywhere in a structure."""
    if isinstance(x, str):
        out.append(x)
    elif hasattr(x, "keys"):
        for k in x.keys():
            strings(x[k], out)
    elif isinstance(x, (list, tuple)):
        for v in x:
            strings(v, out)
    elif isinstance(x, np.ndarray) and x.dtype.kind in "OU":
        for v in x.ravel():
            strings(v, out)
    return out


def leaks(a, b, problems, checked):
    """No PHI text of the input (whole values, and the names' words, of four or more characters) anywhere in
    the texts MNE-Python reads from the output, compared case-insensitively."""
    if "info" not in a:
        return
    values = set()
    for f in PHI_STRING_FIELDS:
        v = get(a["info"], f)
        if isinstance(v, str) and len(v) >= 4:
            values.add(v.lower())
    for f in PHI_STRING_FIELDS[:3]:
        v = get(a["info"], f)
        if isinstance(v, str):
            values.update(w.lower() for w in v.replace("-", " ").split() if len(w) >= 4)
    values.discard("mne_anonymize")
    texts = [t.lower() for t in strings({k: v for k, v in b.items() if k != "root_id"}, [])]
    checked.append("leaks")
    for v in sorted(values):
        hits = [t for t in texts if v in t]
        if hits:
            problems.append(f"leak: {v!r} still in {hits[0][:80]!r}")


def check(reader, inp_path, out_path, spec):
    verdict = {"reader": reader, "input": inp_path, "output": out_path, "problems": [], "checked": []}
    try:
        a = read(reader, inp_path)
    except Exception as e:  # noqa: BLE001
        verdict.update(ok=None, skip=f"MNE-Python cannot read the input as {reader}: "
                                    f"{type(e).__name__}: {str(e)[:300]}")
        return verdict
    if spec and spec.get("mne_refusal") and "info" in a:
        verdict["mne_refuses"] = mne_refusal(a["info"], spec)
    if out_path is None:
        verdict["ok"] = True
        return verdict
    try:
        b = read(reader, out_path)
    except Exception as e:  # noqa: BLE001
        verdict.update(ok=False, problems=[f"MNE-Python cannot read the output as {reader}: "
                                           f"{type(e).__name__}: {str(e)[:300]}"])
        return verdict
    problems, checked = verdict["problems"], verdict["checked"]
    texts = (spec or {}).get("texts", "same")
    ex = Expect(spec, a, b, problems, checked)

    rid_a, rid_b = root_id(inp_path), root_id(out_path)
    a["root_id"] = rid_a
    ex.id_check("file id", rid_a, rid_b, "FILE_ID")
    if "info" in a:
        ex.info()
    for key in a:
        if key in ("info", "root_id"):
            continue
        if key == "evokeds":
            if len(a[key]) != len(b[key]):
                problems.append(f"evokeds: {len(a[key])} -> {len(b[key])}")
            for i, (ea, eb) in enumerate(zip(a[key], b[key])):
                for k in ea:
                    if k != "info":
                        same(ea[k], eb[k], f"evoked[{i}].{k}", problems, texts)
                checked.append(f"evoked[{i}]")
            continue
        if key == "annotations":
            aa, ab = a[key], b[key]
            for k in ("onset", "duration", "description"):
                same(aa[k], ab[k], f"annotations.{k}", problems, texts)
            if ab["orig_time"] is not None and "info" in b and ab["orig_time"] != b["info"].get("meas_date"):
                problems.append(f"annotations.orig_time {ab['orig_time']} != meas_date {b['info'].get('meas_date')}")
            if (aa["orig_time"] is None) != (ab["orig_time"] is None):
                problems.append(f"annotations.orig_time: {aa['orig_time']} -> {ab['orig_time']}")
            checked.append("annotations")
            continue
        if key == "part_dirs":
            if len(b[key]) != 1 or b[key][0] != os.path.dirname(os.path.abspath(out_path)):
                problems.append(f"output parts read from {b[key]}, not only from the output's folder")
            checked.append("parts")
            continue
        if key == "src":
            fields = (spec or {}).get("fields", {})
            for i, (sa, sb) in enumerate(zip(a["src"], b["src"])):
                for k in SRC_PHI:
                    ex.field(f"src[{i}].{k}", fields.get(f"src.{k}", {"op": "same"}), sa.get(k), sb.get(k))
                sa = {k: v for k, v in sa.items() if k not in SRC_PHI}
                sb = {k: v for k, v in sb.items() if k not in SRC_PHI}
                same(sa, sb, f"src[{i}]", problems, texts)
            if len(a["src"]) != len(b["src"]):
                problems.append(f"src: {len(a['src'])} spaces -> {len(b['src'])}")
            continue
        if key == "src_info":
            fields = (spec or {}).get("fields", {})
            for k in ("working_dir", "command_line"):
                ex.field(f"env.{k}", fields.get(f"env.{k}", {"op": "same"}), a[key].get(k), b[key].get(k))
            # fname: where MNE-Python read the file from, not its content
            rest_a = {k: v for k, v in a[key].items() if k not in ("working_dir", "command_line", "fname")}
            rest_b = {k: v for k, v in b[key].items() if k not in ("working_dir", "command_line", "fname")}
            same(rest_a, rest_b, "src.info", problems, texts)
            continue
        same(a[key], b[key], key, problems, texts)
        checked.append(key)
    if (spec or {}).get("leaks") == "none":
        leaks(a, b, problems, checked)
    verdict["ok"] = not problems
    return verdict


def mne_refusal(info, spec):
    """Does MNE-Python's own anonymize_info refuse this recording with these dates? Message, or None."""
    from mne.io import anonymize_info
    md = spec.get("meas_date", {})
    daysback = md.get("days") if md.get("mode") == "offsetDays" else None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            anonymize_info(info.copy(), daysback=daysback)
    except RuntimeError as e:
        return str(e)[:300]
    except Exception as e:  # noqa: BLE001 - MNE crashes that are not refusals
        return None if not isinstance(e, (OverflowError, ValueError)) else f"{type(e).__name__}: {e}"[:300]
    return None


# ------------------------------------------------------------------------------------------ MNE vs ours
def flatten(x, prefix, out):
    if hasattr(x, "keys"):
        for k in x.keys():
            flatten(x[k], f"{prefix}.{k}" if prefix else str(k), out)
    elif isinstance(x, (list, tuple)) and not (len(x) and isinstance(x[0], (int, float, np.generic))
                                               and len(x) <= 3):
        for i, v in enumerate(x):
            flatten(v, f"{prefix}[{i}]", out)
    else:
        v = norm(x)
        if isinstance(v, datetime.datetime):
            v = v.isoformat()
        elif isinstance(v, datetime.date):
            v = v.isoformat()
        elif isinstance(v, (list, tuple)):
            v = [norm(e) for e in v]
        elif isinstance(v, np.ndarray):
            v = v.tolist()
        out[prefix] = v if isinstance(v, (str, int, float, bool, type(None), list)) else repr(v)


def compare_mne(inp, out, daysback, keep_his, reference=None):
    """MNE-Python's anonymization of inp (run here, in memory; or a file it wrote) against our output."""
    m = mne()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if reference is None:
            ref = m.io.read_raw_fif(inp, allow_maxshield=True, preload=False)
            ref.anonymize(daysback=daysback, keep_his=keep_his)
        else:
            ref = m.io.read_raw_fif(reference, allow_maxshield=True, preload=False)
        ours = m.io.read_raw_fif(out, allow_maxshield=True, preload=False)
    fa, fb = {}, {}
    skip = {"chs", "dig", "projs", "comps", "hpi_results", "ch_names"}
    flatten({k: v for k, v in ref.info.items() if k not in skip}, "", fa)
    flatten({k: v for k, v in ours.info.items() if k not in skip}, "", fb)
    fa["annotations.orig_time"] = ref.annotations.orig_time.isoformat() if ref.annotations.orig_time else None
    fb["annotations.orig_time"] = ours.annotations.orig_time.isoformat() if ours.annotations.orig_time else None
    fa["annotations.onset"] = ref.annotations.onset.tolist()
    fb["annotations.onset"] = ours.annotations.onset.tolist()
    differ = {k: [fa.get(k), fb.get(k)] for k in sorted(set(fa) | set(fb)) if fa.get(k) != fb.get(k)}
    return {"mne_version": m.__version__, "fields": sorted(set(fa) | set(fb)), "differ": differ}


# ------------------------------------------------------------------------------------------ main
def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("check")
    c.add_argument("--reader", required=True)
    c.add_argument("--input", required=True)
    c.add_argument("--output")
    c.add_argument("--expect", help="JSON text or @file")
    b = sub.add_parser("batch")
    b.add_argument("jobs")
    b.add_argument("verdicts")
    cm = sub.add_parser("compare-mne")
    cm.add_argument("--input", required=True)
    cm.add_argument("--output", required=True)
    cm.add_argument("--daysback", type=int)
    cm.add_argument("--keep-his", action="store_true")
    cm.add_argument("--reference", help="a file MNE-Python anonymized, instead of running its anonymization")
    args = ap.parse_args()
    warnings.simplefilter("ignore")

    if args.cmd == "check":
        spec = None
        if args.expect:
            spec = json.load(open(args.expect[1:])) if args.expect.startswith("@") else json.loads(args.expect)
        res = check(args.reader, args.input, args.output, spec)
    elif args.cmd == "batch":
        with open(args.jobs) as f:
            jobs = json.load(f)
        res = []
        for job in jobs:
            try:
                v = check(job["reader"], job["input"], job.get("output"), job.get("expect"))
            except Exception as e:  # noqa: BLE001
                v = {"ok": False, "problems": [f"checker error: {type(e).__name__}: {e}",
                                               traceback.format_exc()[-2000:]]}
            v["id"] = job.get("id")
            res.append(v)
        with open(args.verdicts, "w") as f:
            json.dump(res, f, indent=1, default=repr)
        res = {"jobs": len(res), "ok": sum(1 for v in res if v.get("ok")),
               "failed": sum(1 for v in res if v.get("ok") is False),
               "skipped": sum(1 for v in res if v.get("ok") is None)}
    else:
        res = compare_mne(args.input, args.output, args.daysback, args.keep_his, args.reference)
    json.dump(res, sys.stdout, indent=1, default=repr)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
