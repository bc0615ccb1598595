// The system's own words for a failed file operation ("No space left on device"), where
// Foundation on Linux would say "The operation could not be completed. There isn’t enough space."
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Short, system-worded texts for I/O errors, for one-line messages that name the file.
package enum SystemErrorText {
    /// strerror's text for `code`, e.g. "No space left on device".
    package static func describe(_ code: Int32) -> String {
        String(cString: strerror(code))
    }

    /// The POSIX text of `error` or of the POSIX error beneath it (Foundation wraps ENOSPC as a
    /// Cocoa error), else its localized description.
    package static func describe(_ error: any Error) -> String {
        let error = error as NSError
        if error.domain == NSPOSIXErrorDomain { return describe(Int32(error.code)) }
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return describe(Int32(underlying.code))
        }
        return error.localizedDescription
    }
}
