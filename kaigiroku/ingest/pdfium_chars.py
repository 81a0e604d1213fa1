"""A PDF page's characters, rules and images through PDFium (pypdfium2): the fast character source.

It hands on what the pdfplumber reader hands on (`PageMarks`: `Chars`, rules, image cover), so
both feed one geometry (geometry.fragments) and one layout path. Per character PDFium gives:
  Unicode value    FPDFText_GetText over the page (one call, read as code points), FPDFText_GetUnicode
                   where its UTF-16 units do not line up with the character list
  box              FPDFText_GetLooseCharBox: the advance width, and the descent line
  size             FPDFText_GetFontSize times the scale of FPDFText_GetMatrix, once per run of
                   boxes on one descent line with equal heights; the box is then made that tall
                   from its descent line, as pdfminer (and so pdfplumber) makes it
  upright          as pdfminer judges it (a * d > 0 and b * c <= 0), from the FPDFText_GetMatrix
                   asked for each run (see size) and the page's /Rotate: a page whose glyphs are
                   all drawn upright in user space is read here (upright as displayed unless
                   /Rotate turns it a quarter turn); a page with a glyph turned or mirrored in user
                   space (sideways text) is left to pdfplumber (`PdfiumPage.turned_glyphs`)
  render mode,     from the character's text object (FPDFText_GetTextObject):
  Artifact tag     FPDFTextObj_GetTextRenderMode, FPDFPageObj_CountMarks / FPDFPageObjMark_GetName;
                   marks are asked only in a document that says it is tagged (FPDFCatalog_IsTagged:
                   /MarkInfo /Marked true): /Artifact belongs to Tagged PDF, and an untagged
                   document's objects are then spared a call each (a third of the walk)
Characters PDFium generates itself (line ends, guessed word spaces) have no text object and an
empty box; they are left out, as they were never drawn.

Speed: a ctypes call costs about 2,000 instructions of its own (libffi prepares every call), more
than most of the PDFium functions called, so calls per character are few: the box always, the
text object only on pages where some text object is drawn invisibly or tagged as an artifact,
found by walking the page's objects, which the rules and images need anyway (three calls a text
object: handle, render mode, marks; two in an untagged document). Calls per character or per
object go through prototypes without argument types (`_untyped`), handed ready-made arguments,
and keep the GIL. What is left is PDFium's own work: loading the page and its text page is about
half the reader's time (profile: bench/bench_ingest.py --profile).
"""
from __future__ import annotations

import ctypes
from collections import deque
from dataclasses import dataclass
import threading
from itertools import compress, islice, repeat

import numpy as np
import pypdfium2.raw as R

from .geometry import Chars

_P, _I, _D, _F = ctypes.c_void_p, ctypes.c_int, ctypes.c_double, ctypes.c_float


def _bare(func, restype, *argtypes):
    """`func` of pypdfium2.raw called through a prototype of plain C types (addresses as ints),
    keeping the GIL (see _untyped)."""
    return ctypes.PYFUNCTYPE(restype, *argtypes)(ctypes.cast(func, _P).value)


def _untyped(func, restype):
    """`func` of pypdfium2.raw for calls per character or per object, whose only arguments are handles
    passed as `_arg(address)`, pointers into a buffer (ctypes.byref) and `int` indexes. Without
    argument types ctypes hands these on as they are; with them it converts every argument through
    its type's from_param (for an int: a type lookup and a new c_int object), half the cost of a call.
    The call keeps the GIL (PYFUNCTYPE): these calls take well under a microsecond, and releasing and
    taking back the GIL around each was a sixth of their cost (PDFium is not thread-safe anyway:
    pages are read one at a time, batch jobs run in processes)."""
    f = ctypes.PYFUNCTYPE(restype)(ctypes.cast(func, _P).value)
    f.argtypes = None
    return f


_arg = ctypes.c_void_p.from_param  # a handle (an int address) as an argument ctypes passes on as it is

_loose_box = _untyped(R.FPDFText_GetLooseCharBox, _I)  # (text page, int index, FS_RECTF*)
_unicode = _untyped(R.FPDFText_GetUnicode, ctypes.c_uint)  # (text page, int index)
_text_object = _untyped(R.FPDFText_GetTextObject, _P)  # (text page, int index)
_font_size = _untyped(R.FPDFText_GetFontSize, _D)  # (text page, int index)
_char_matrix = _untyped(R.FPDFText_GetMatrix, _I)  # (text page, int index, FS_MATRIX*)
_get_object = _untyped(R.FPDFPage_GetObject, _P)  # (page, int index)
_get_segment = _untyped(R.FPDFPath_GetPathSegment, _P)  # (path, int index)
_get_text = _untyped(R.FPDFText_GetText, _I)  # (text page, int start, int count, unsigned short* out)
_count_objects = _bare(R.FPDFPage_CountObjects, _I, _P)
_form_count = _bare(R.FPDFFormObj_CountObjects, _I, _P)
_form_object = _bare(R.FPDFFormObj_GetObject, _P, _P, ctypes.c_ulong)
_obj_type = _bare(R.FPDFPageObj_GetType, _I, _P)
_obj_matrix = _bare(R.FPDFPageObj_GetMatrix, _I, _P, _P)
_obj_bounds = _bare(R.FPDFPageObj_GetBounds, _I, _P, _P, _P, _P, _P)
_render_mode = _untyped(R.FPDFTextObj_GetTextRenderMode, _I)  # (object)
_count_marks = _untyped(R.FPDFPageObj_CountMarks, _I)  # (object)
_get_mark = _bare(R.FPDFPageObj_GetMark, _P, _P, ctypes.c_ulong)
_mark_name = _bare(R.FPDFPageObjMark_GetName, _I, _P, _P, ctypes.c_ulong, _P)
_count_segments = _bare(R.FPDFPath_CountSegments, _I, _P)
_segment_point = _bare(R.FPDFPathSegment_GetPoint, _I, _P, _P, _P)
_segment_type = _bare(R.FPDFPathSegment_GetType, _I, _P)
_segment_close = _bare(R.FPDFPathSegment_GetClose, _I, _P)

TEXT, PATH, IMAGE, FORM = R.FPDF_PAGEOBJ_TEXT, R.FPDF_PAGEOBJ_PATH, R.FPDF_PAGEOBJ_IMAGE, R.FPDF_PAGEOBJ_FORM
LINETO, MOVETO = R.FPDF_SEGMENT_LINETO, R.FPDF_SEGMENT_MOVETO
INVISIBLE_MODES = (R.FPDF_TEXTRENDERMODE_INVISIBLE, R.FPDF_TEXTRENDERMODE_CLIP)
NOT_TEXT = R.FPDF_TEXTRENDERMODE_UNKNOWN  # the render mode PDFium gives any object that is not text
MAX_PATH_SEGMENTS = 20000  # a page of vector art: its strokes are drawings, not table rulings


def _addr(handle) -> int:
    return ctypes.cast(handle, _P).value


@dataclass
class Shape:
    """A painted path piece as pdfminer classifies it: 'line', 'rect' or 'curve', with its box."""

    kind: str
    x0: float
    top: float
    x1: float
    bottom: float


class PageSpace:
    """PDF user space -> the page as displayed (origin top-left, in points), turned by its /Rotate
    as pdfminer turns it (clockwise, by the CTM it starts the page with), so that both readers put
    every mark at the same place."""

    def __init__(self, page):
        self.x0, self.y0, self.x1, self.y1 = page.get_mediabox()
        self.rotation = page.get_rotation() % 360
        width, height = self.x1 - self.x0, self.y1 - self.y0
        self.width, self.height = (height, width) if self.rotation in (90, 270) else (width, height)

    @property
    def quarter_turned(self) -> bool:
        """Turned a quarter turn: what is upright in user space is not upright as displayed."""
        return self.rotation in (90, 270)

    def boxes(self, l, b, r, t):
        """Box edges in user space (numbers or arrays) -> (x0, top, x1, bottom) on the displayed page."""
        if self.rotation == 90:
            return b - self.y0, l - self.x0, t - self.y0, r - self.x0
        if self.rotation == 180:
            return self.x1 - r, b - self.y0, self.x1 - l, t - self.y0
        if self.rotation == 270:
            return self.y1 - t, self.x1 - r, self.y1 - b, self.x1 - l
        return l - self.x0, self.y1 - t, r - self.x0, self.y1 - b


class ObjectWalk:
    """One walk over a page's objects (into form XObjects): which text objects are invisible or
    artifacts, the painted shapes, the image boxes.

    A page holds hundreds of text objects (one per run of glyphs between kerning adjustments), so
    the walk asks each one only its render mode (which is UNKNOWN for any other kind of object, so
    it also tells text from the rest) and its mark count, through `map`."""

    def __init__(self, page_handle: int, space: PageSpace, tagged: bool = True):
        self.space = space
        self.tagged = tagged  # ask each text object for its marks (see the module's docstring)
        self.invisible: set[int] = set()
        self.artifact: set[int] = set()
        self.shapes: list[Shape] = []
        self.image_boxes: list[tuple[float, float, float, float]] = []
        self.n_paths = 0
        self.top_text: list[int] = []  # the page's own text objects in content order (for _dropped_spaces)
        self._order: dict[int, int] | None = None
        self._marks_seen: dict[int, bool] = {}  # mark handle -> tagged /Artifact (see _is_artifact)
        self._m = R.FS_MATRIX()
        self._box = [_F() for _ in range(4)]
        self._box_refs = [ctypes.addressof(v) for v in self._box]
        self._segments = 0
        self._walk(page_handle, _count_objects, _get_object, None)

    @property
    def plain(self) -> bool:
        """Every text object is drawn visibly and untagged: no character needs its object looked up."""
        return not (self.invisible or self.artifact)

    @property
    def order(self) -> dict[int, int]:
        """Each of the page's own text objects -> its place in content order (asked rarely: made then)."""
        if self._order is None:
            self._order = {o: i for i, o in enumerate(self.top_text)}
        return self._order

    def _walk(self, parent: int, count, get, ctm) -> None:
        n = count(parent)
        if n <= 0:
            return
        objs = list(map(get, repeat(_arg(parent), n), range(n)))
        handles = list(map(_arg, objs))  # as the untyped calls take them
        modes = list(map(_render_mode, handles))
        is_text = list(map(NOT_TEXT.__ne__, modes))
        text = list(compress(objs, is_text))  # (loops in C, as below)
        if ctm is None:
            self.top_text = text
        if any(mode in modes for mode in INVISIBLE_MODES):
            self.invisible.update(o for o, m in zip(objs, modes) if m in INVISIBLE_MODES)
        if text and self.tagged:
            marks = list(map(_count_marks, compress(handles, is_text)))
            if any(marks):
                self.artifact.update(o for o, k in zip(text, marks) if k > 0 and _is_artifact(o, k, self._marks_seen))
        if len(text) == n:
            return
        for obj in compress(objs, map(NOT_TEXT.__eq__, modes)):
            kind = _obj_type(obj)
            if kind == PATH:
                self.n_paths += 1
                if self._segments <= MAX_PATH_SEGMENTS:
                    self._path(obj, ctm)
            elif kind == IMAGE:
                self.image_boxes.append(self._bounds(obj, ctm))
            elif kind == FORM:
                _obj_matrix(obj, ctypes.addressof(self._m))
                m = self._m
                inner = (m.a, m.b, m.c, m.d, m.e, m.f)
                self._walk(obj, _form_count, _form_object, inner if ctm is None else _compose(inner, ctm))

    def _bounds(self, obj: int, ctm) -> tuple[float, float, float, float]:
        _obj_bounds(obj, *self._box_refs)
        l, b, r, t = (v.value for v in self._box)
        if ctm is not None:
            l, b, r, t = _transform_box(ctm, l, b, r, t)
        x0, top, x1, bottom = self.space.boxes(l, b, r, t)
        return min(x0, x1), min(top, bottom), max(x0, x1), max(top, bottom)

    def _path(self, obj: int, ctm) -> None:
        # the segments' points, not the object's bounds: those grow by half the stroke width
        n = _count_segments(obj)
        self._segments += max(n, 0)
        if n <= 0:
            return
        _obj_matrix(obj, ctypes.addressof(self._m))
        m = self._m
        matrix = (m.a, m.b, m.c, m.d, m.e, m.f)
        if ctm is not None:
            matrix = _compose(matrix, ctm)
        x, y = _F(), _F()
        xr, yr = ctypes.addressof(x), ctypes.addressof(y)
        subpaths: list[list] = []  # [[(op, x, y)...]]
        handle = _arg(obj)
        for k in range(n):
            seg = _get_segment(handle, k)
            _segment_point(seg, xr, yr)
            op = _segment_type(seg)
            px, py = _apply(matrix, x.value, y.value)
            if op == MOVETO or not subpaths:
                subpaths.append([("m", px, py)])
            else:
                subpaths[-1].append(("l" if op == LINETO else "c", px, py))
            if _segment_close(seg):
                subpaths[-1].append(("h", subpaths[-1][0][1], subpaths[-1][0][2]))
        for sub in subpaths:
            self._classify(sub)

    def _classify(self, sub: list) -> None:
        """pdfminer's reading of one subpath: a straight line, an axis-aligned rectangle, or a curve."""
        shape = "".join(op for op, _, _ in sub)
        pts = [(px, py) for op, px, py in sub if op != "h"]
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        kind = "curve"
        if shape in ("ml", "mlh") and len(pts) == 2:
            kind = "line"
        elif shape in ("mlllh", "mllll", "mllllh") and len(pts) in (4, 5):
            (x0, y0), (x1, y1), (x2, y2), (x3, y3) = pts[:4]
            closed = len(pts) == 4 or pts[4] == pts[0]
            if closed and ((x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0)
                           or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0)):
                kind = "rect"
        if kind == "curve":
            return
        l, r, b, t = min(xs), max(xs), min(ys), max(ys)
        x0, top, x1, bottom = self.space.boxes(l, b, r, t)
        self.shapes.append(Shape(kind, min(x0, x1), min(top, bottom), max(x0, x1), max(top, bottom)))


def _compose(m, n):
    """Matrix m then n (PDF row-vector convention: m × n)."""
    a, b, c, d, e, f = m
    A, B, C, D, E, F = n
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _apply(m, x, y):
    a, b, c, d, e, f = m
    return a * x + c * y + e, b * x + d * y + f


def _transform_box(m, l, b, r, t):
    pts = [_apply(m, x, y) for x, y in ((l, b), (l, t), (r, b), (r, t))]
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    return min(xs), min(ys), max(xs), max(ys)


def _is_artifact(obj: int, n: int, seen: dict[int, bool]) -> bool:
    """Whether the object (with `n` content marks) sits in marked content tagged /Artifact, at any depth.

    The objects of one marked section share its marks (a tagged PDF marks every object, three or four
    to a section): `seen` keeps each mark's verdict, for one page, so each name is read once."""
    for i in range(n):
        mark = _get_mark(obj, i)
        if not mark:
            continue
        tagged = seen.get(mark)
        if tagged is None:
            tagged = seen[mark] = _mark_is_artifact(mark)
        if tagged:
            return True
    return False


def _mark_is_artifact(mark: int) -> bool:
    name, length = ctypes.create_string_buffer(256), ctypes.c_ulong()
    if not _mark_name(mark, ctypes.addressof(name), 256, ctypes.addressof(length)):
        return False
    return name.raw[: max(length.value - 2, 0)].decode("utf-16-le", "ignore") == "Artifact"


@dataclass
class PdfiumPage:
    """What PDFium finds on one page (see pdf.PageMarks, which this becomes)."""

    width: float
    height: float
    chars: Chars
    shapes: list[Shape]
    image_boxes: list
    has_marks: bool
    # glyphs turned or mirrored in user space (sideways text, or text drawn a quarter turn against a
    # turned page to read upright as displayed): their boxes are not built here, so pdf.py has
    # pdfplumber read the page
    turned_glyphs: bool = False


def read_chars(page, space: PageSpace | None = None, tagged: bool = True) -> PdfiumPage:
    """All characters, shapes and image boxes of a pypdfium2 PdfPage (`space`: its PageSpace, if made;
    `tagged`: whether its document says it is tagged, see the module's docstring)."""
    space = space or PageSpace(page)
    walk = ObjectWalk(_addr(page.raw), space, tagged)
    textpage = page.get_textpage()
    try:
        chars = _chars(_addr(textpage.raw), textpage, space, walk)
    finally:
        textpage.close()
    if chars is None:
        return PdfiumPage(space.width, space.height, Chars.empty(), [], [], True, turned_glyphs=True)
    has_marks = bool(len(chars) or walk.image_boxes or walk.n_paths)
    return PdfiumPage(space.width, space.height, chars, walk.shapes, walk.image_boxes, has_marks)


def _dropped_spaces(tp: int, codes, left, right, top_, bottom_, drawn, walk: "ObjectWalk"):
    """Put back drawn spaces PDFium left out of its character list.

    Where PDFium puts a space of its own between two text objects (a gap it reads as a word
    break), it leaves out a text object holding only a drawn space between them (seen on text
    drawn bottom-up: 尾身 / 　 / 朝子君). The geometry needs drawn spaces (they keep a gap from
    splitting a fragment), so the generated space becomes the drawn one: from the left-out
    object's origin to the next character, full-width when that is exactly one em."""
    k = np.flatnonzero(codes == 0x20)
    k = k[(k > 0) & (k < len(codes) - 1)]
    gen = k[~drawn[k] & drawn[k + 1] & drawn[k - 1]].tolist() if len(k) else []
    if not gen or not walk.top_text:
        return codes, left, right, drawn
    codes, left, right, drawn = codes.copy(), left.copy(), right.copy(), drawn.copy()
    m = R.FS_MATRIX()
    where = ctypes.addressof(m)
    tp_arg = _arg(tp)
    for k in gen:
        i, j = walk.order.get(_text_object(tp_arg, k - 1)), walk.order.get(_text_object(tp_arg, k + 1))
        if i is None or j is None or abs(j - i) < 2:
            continue
        origins = []
        for obj in walk.top_text[min(i, j) + 1:max(i, j)]:
            if obj and _obj_matrix(obj, where):
                origins.append(m.e)
        height = top_[k + 1] - bottom_[k + 1]
        start, first = min(origins, default=left[k + 1]), left[k + 1]
        if not right[k - 1] - 0.2 * height <= start < first - 0.2 * height:
            continue
        # a full-width space advances one em: the next glyph starts right there; after any other
        # space the text resumes wherever it was set
        codes[k] = 0x3000 if abs(first - start - height) <= 0.05 * height else 0x20
        left[k], right[k], top_[k], bottom_[k], drawn[k] = start, first, top_[k + 1], bottom_[k + 1], True
    return codes, left, right, drawn


def _sizes(tp: int, idx: np.ndarray, heights: np.ndarray, bottoms: np.ndarray) -> tuple[np.ndarray, bool]:
    """pdfminer's `size` of each drawn character (the font size times the text matrix's scale), and
    whether all of them are drawn upright in user space (pdfminer's test on the matrix).

    The loose box is (ascent - descent) / 1000 font sizes tall (Helvetica 1.17, IPAex 0.999), so it
    is not the size; size and matrix are asked once for each run of characters on one descent line
    with equal box heights (one font at one size on one line), not for every character. Glyphs
    turned a quarter turn stack up or down, each on a descent line of its own, so each starts a run
    and its matrix is seen (a lone one could only be missed if its box had the very descent line and
    height of the character before it)."""
    m = len(idx)
    if not m:
        return heights, True
    starts = np.flatnonzero(np.concatenate(([True], (heights[1:] != heights[:-1]) | (bottoms[1:] != bottoms[:-1]))))
    first = idx[starts].tolist()
    runs = len(first)
    tp_arg = _arg(tp)
    font_size = np.fromiter(map(_font_size, repeat(tp_arg, runs), first), np.float64, runs)
    matrices = (R.FS_MATRIX * runs)()
    step = ctypes.sizeof(R.FS_MATRIX)
    got = np.fromiter(map(_char_matrix, repeat(tp_arg, runs), first,
                          (ctypes.byref(matrices, i * step) for i in range(runs))), bool, runs)
    a, b, c, d = np.frombuffer(matrices, np.float32).reshape(runs, 6)[:, :4].astype(np.float64).T
    # np.power is C's pow, as Python's ** (numpy's ** takes a square root, which can differ in the last bit)
    scale = np.where(got, np.power(c * c + d * d, 0.5), 1.0)
    upright = bool(np.all(~got | ((a * d > 0) & (b * c <= 0))))
    return np.repeat(font_size * scale, np.diff(np.append(starts, m))), upright


def _page_codes(tp_arg, n: int) -> np.ndarray:
    """The code points of the text page's `n` characters, from one FPDFText_GetText call (pypdfium2's
    get_text_range makes five, to guard ranges that start or end at a character PDFium leaves out of
    its text) into a buffer kept per thread. Where those UTF-16 units do not line up one to one with
    the characters (a character outside the BMP takes two), each is asked with FPDFText_GetUnicode."""
    buf = getattr(_text_buffer, "units", None)
    if buf is None or len(buf) < n + 1:
        buf = _text_buffer.units = (ctypes.c_uint16 * max(n + 1, 2 * len(buf or ()), 8192))()
    got = _get_text(tp_arg, 0, n, buf)
    units = np.frombuffer(buf, np.uint16, count=n)
    if got - 1 == n and not np.any((units & 0xF800) == 0xD800):
        return units.astype(np.uint32)
    return np.fromiter(map(_unicode, repeat(tp_arg, n), range(n)), np.uint32, n)


_text_buffer = threading.local()


_boxes = threading.local()


def _box_buffer(n: int):
    """A buffer of at least `n` FS_RECTF, kept from page to page (per thread), and a pointer argument
    to each of its first `n` slots, made once: the box calls then only hand these on."""
    have = getattr(_boxes, "slots", ())
    if len(have) < n:
        size = max(n, 2 * len(have), 4096)
        _boxes.rects = (R.FS_RECTF * size)()
        step = ctypes.sizeof(R.FS_RECTF)
        _boxes.slots = have = [ctypes.byref(_boxes.rects, i * step) for i in range(size)]
    return _boxes.rects, islice(have, n)


def _chars(tp: int, textpage, space: PageSpace, walk: ObjectWalk) -> Chars | None:
    """The page's drawn characters, or None when some glyph is not upright in user space."""
    n = textpage.count_chars()
    if n <= 0:
        return Chars.empty()
    rects, slots = _box_buffer(n)
    tp_arg = _arg(tp)
    deque(map(_loose_box, repeat(tp_arg, n), range(n), slots), maxlen=0)
    lbrt = np.frombuffer(rects, dtype=np.float32, count=4 * n).reshape(n, 4).astype(np.float64)
    left, top_, right, bottom_ = lbrt[:, 0], lbrt[:, 1], lbrt[:, 2], lbrt[:, 3]  # FS_RECTF: l, t, r, b
    codes = _page_codes(tp_arg, n)
    # Generated characters (line ends, guessed spaces) have an empty box: never drawn, not read. A
    # mirrored glyph's box comes out inverted: not upright in user space.
    drawn = (top_ > bottom_) & (right >= left)
    if np.any((top_ < bottom_) | (right < left)):
        return None
    invisible = np.zeros(n, bool)
    artifact = np.zeros(n, bool)
    if not walk.plain:
        objs = list(map(_text_object, repeat(tp_arg, n), range(n)))
        if walk.invisible:
            invisible = np.fromiter((o in walk.invisible for o in objs), bool, n)
        if walk.artifact:
            artifact = np.fromiter((o in walk.artifact for o in objs), bool, n)
    codes, left, right, drawn = _dropped_spaces(tp, codes, left, right, top_, bottom_, drawn, walk)
    idx = np.flatnonzero(drawn)
    size, upright_in_user_space = _sizes(tp, idx, (top_ - bottom_)[idx], bottom_[idx])
    if not upright_in_user_space:
        return None
    # pdfminer's box: the font size tall from the descent line
    x0, top, x1, bottom = space.boxes(left[idx], bottom_[idx], right[idx], bottom_[idx] + size)
    # a glyph upright in user space turns with the page: turned a quarter turn, pdfminer does not
    # call it upright (and a scan's page is then OCR'd, as with pdfplumber)
    upright = np.full(len(idx), not space.quarter_turned)
    # (a code point no character can have, a lone surrogate, becomes U+FFFD: an unmapped glyph)
    chars = list(codes[idx].tobytes().decode("utf-32-le", "replace"))
    return Chars(chars, x0, top, x1, bottom, size, upright, artifact[idx], invisible[idx])
