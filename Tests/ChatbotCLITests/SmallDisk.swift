// A small tmpfs for the disk-full tests: mounted at a fresh folder (or a chosen one), resized in
// place, unmounted at the end. Mounting needs root with CAP_SYS_ADMIN.
import Foundation
import Glibc

/// A tmpfs of a few KiB mounted for one test; call `unmount()` when done.
struct SmallDisk {
    let folder: URL

    /// Mounts `bytes` of tmpfs at `folder` (created if missing; a fresh temporary folder when nil),
    /// or nil when this process may not mount.
    init?(bytes: Int, at folder: URL? = nil) {
        self.folder = folder ?? FileManager.default.temporaryDirectory.appendingPathComponent("small-disk-\(UUID().uuidString)")
        guard (try? FileManager.default.createDirectory(at: self.folder, withIntermediateDirectories: true)) != nil else { return nil }
        guard mount("tmpfs", self.folder.path, "tmpfs", 0, "size=\(bytes)") == 0 else {
            try? FileManager.default.removeItem(at: self.folder)
            return nil
        }
    }

    /// Gives the disk a new size, keeping what is on it; false when the system refuses (for
    /// instance a size below what is used).
    func resize(bytes: Int) -> Bool {
        mount("tmpfs", folder.path, "tmpfs", UInt(MS_REMOUNT), "size=\(bytes)") == 0
    }

    /// Bytes in use, as the file system counts them (whole pages).
    var usedBytes: Int {
        var stats = statvfs()
        guard statvfs(folder.path, &stats) == 0 else { return 0 }
        return Int(stats.f_blocks - stats.f_bfree) * Int(stats.f_frsize)
    }

    func unmount() {
        umount(folder.path)
        try? FileManager.default.removeItem(at: folder)
    }

    /// Whether a tmpfs can be mounted here (root with CAP_SYS_ADMIN).
    static let isAvailable: Bool = {
        guard let disk = SmallDisk(bytes: 4096) else { return false }
        disk.unmount()
        return true
    }()
}
