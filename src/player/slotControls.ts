import type { PlayerSlot } from "./playerSlot";
import type { PlayerControls, SeekOptions } from "./types";
import type { VideoRef } from "../core";

/** What the controls of one player need from the controller. */
export interface SlotControlsOwner {
	/** Marks `slot` as the player used last (the feed follows it). */
	use(slot: PlayerSlot): void;
	/** Seeks through the controller, which sends the seek to the player of `options.sourcePath`. */
	seek(video: VideoRef, seconds: number, options?: SeekOptions): void;
	/** Brings `slot` into view. */
	reveal(slot: PlayerSlot): Promise<void>;
}

/**
 * The controls of one player (the side view's, or one pinned on a note), as the commands and a
 * pinned player's bar drive it: reading its own state, and making it the player used last when
 * it is played, skipped or sped up.
 */
export function slotControls(slot: PlayerSlot, owner: SlotControlsOwner): PlayerControls {
	const act = <T>(run: () => T): T => {
		owner.use(slot);
		return run();
	};
	return {
		get state() {
			return slot.state;
		},
		get hasVideo() {
			return slot.hasVideo;
		},
		get isReady() {
			return slot.isReady;
		},
		get isDeferred() {
			return slot.isDeferred;
		},
		get info() {
			return slot.info;
		},
		seek: (video, seconds, options) => owner.seek(video, seconds, options),
		positionOf: (video) => slot.positionOf(video),
		togglePlay: () => act(() => slot.togglePlay()),
		seekBy: (delta) => act(() => slot.seekBy(delta)),
		setRate: (rate) => act(() => slot.setRate(rate)),
		reveal: () => owner.reveal(slot),
		videoElement: () => slot.videoElement(),
		get citedRange() {
			return slot.citedRange;
		},
		setLoop: (loop) => slot.setLoop(loop),
	};
}
