"""Pages written one at a time into one PDF (the atlas, the briefing pack), and each also as a PNG in a ZIP
when asked: each figure is cleared once written, so memory holds one page, not the document."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure

import texts

PNG_DPI = (72, 1200)  # the dpi a PNG page may have
PNG_COMPRESSION = 3  # zlib level: half the time of matplotlib's default for files a few per cent larger

Progress = Callable[[int, int], None]  # (pages done, pages in all)


class PageWriter:
    """`with PageWriter(...) as pages: pages.emit(figure) ...`, then `pages.pdf` (and `pages.png_zip`).

    `metadata`: the PDF's (Title, Subject, ...); `total`: the pages there will be, for `progress(done, total)`
    called after each page; `png_dpi`: also each page as "trang-001.png"... in a ZIP, sized to whole pixels."""

    def __init__(self, metadata: dict, total: int, progress: Progress | None = None, png_dpi: int | None = None):
        if png_dpi is not None and not PNG_DPI[0] <= png_dpi <= PNG_DPI[1]:
            raise ValueError(f"png_dpi must be between {PNG_DPI[0]} and {PNG_DPI[1]}, not {png_dpi}")
        self.metadata, self.total, self.progress, self.png_dpi = metadata, total, progress, png_dpi
        self.done = 0
        self._pdf_buffer, self._zip_buffer = io.BytesIO(), io.BytesIO() if png_dpi else None

    def __enter__(self) -> PageWriter:
        self._pdf = PdfPages(self._pdf_buffer, metadata=self.metadata)
        self._zip = zipfile.ZipFile(self._zip_buffer, "w", zipfile.ZIP_STORED) if self._zip_buffer else None
        return self

    def __exit__(self, *exc) -> None:
        self._pdf.close()
        if self._zip is not None:
            self._zip.close()

    def emit(self, fig: Figure) -> None:
        """The page written (to the PDF, and as a PNG when asked), then let go."""
        self._pdf.savefig(fig)
        self.done += 1
        if self._zip is not None:  # whole pixels, so an A4 page at 300 dpi is 2480 x 3508, as the print map's
            dpi = self.png_dpi
            width, height = fig.get_size_inches()
            fig.set_size_inches(round(width * dpi) / dpi, round(height * dpi) / dpi)
            image = io.BytesIO()
            fig.savefig(image, format="png", dpi=dpi, metadata={"Title": self.metadata.get("Title"), "Software": None},
                        pil_kwargs={"compress_level": PNG_COMPRESSION})
            self._zip.writestr(texts.ATLAS_PNG_NAME.format(page=self.done), image.getvalue())
        fig.clear()  # the page is written: let its artists go before the next is drawn
        if self.progress is not None:
            self.progress(self.done, self.total)

    @property
    def pdf(self) -> bytes:
        return self._pdf_buffer.getvalue()

    @property
    def png_zip(self) -> bytes | None:
        return self._zip_buffer.getvalue() if self._zip_buffer else None
