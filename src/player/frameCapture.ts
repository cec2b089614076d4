/** What capturing a video's current frame gave. */
export type FrameCapture =
	/** The frame as a PNG, and the moment it shows. */
	| { kind: "png"; data: ArrayBuffer; seconds: number }
	/** The video comes from another site that does not allow reading its pixels (a tainted canvas). */
	| { kind: "tainted" }
	/** There is no frame to draw yet (nothing loaded, or an audio file). */
	| { kind: "no-frame" };

/** Captures the frame a `<video>` shows; tests pass a fake (jsdom has no canvas). */
export type FrameGrabber = (video: HTMLVideoElement) => Promise<FrameCapture>;

/**
 * Draws the frame `video` shows now onto a canvas of its own size and encodes it as a PNG. A
 * cross-origin video without CORS taints the canvas: encoding then throws a `SecurityError`, which
 * is reported as `tainted` (nothing is written anywhere).
 */
export const grabFrame: FrameGrabber = async (video) => {
	const width = video.videoWidth;
	const height = video.videoHeight;
	if (!width || !height || video.readyState < 2) return { kind: "no-frame" };
	const seconds = video.currentTime;
	const canvas = activeDocument.createEl("canvas");
	canvas.width = width;
	canvas.height = height;
	const context = canvas.getContext("2d");
	if (!context) return { kind: "no-frame" };
	context.drawImage(video, 0, 0, width, height);
	let blob: Blob | null;
	try {
		blob = await new Promise<Blob | null>((resolve, reject) => {
			try {
				canvas.toBlob(resolve, "image/png");
			} catch (e) {
				// A tainted canvas throws a SecurityError (a DOMException, which is an Error).
				reject(e instanceof Error ? e : new Error(String(e)));
			}
		});
	} catch (e) {
		if (e instanceof DOMException && e.name === "SecurityError") return { kind: "tainted" };
		throw e;
	}
	if (!blob) return { kind: "no-frame" };
	return { kind: "png", data: await blob.arrayBuffer(), seconds };
};
