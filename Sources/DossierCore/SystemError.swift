#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// System errors (`errno`) in plain words, with what to do when there is something to do.
public enum SystemError {
    public static func reason(_ code: Int32) -> String {
        switch code {
        case ENOSPC: return "the disk is full (ENOSPC): free some space and build again"
        case EDQUOT: return "the disk quota is used up (EDQUOT): free some space and build again"
        case EROFS: return "the file system is read-only (EROFS)"
        case EACCES, EPERM: return "permission denied (check the folder's owner and permissions)"
        case EMFILE, ENFILE: return "too many open files (raise the limit with 'ulimit -n')"
        case ENAMETOOLONG: return "the file name is too long for this file system"
        case EIO: return "input/output error (EIO): the disk may be failing"
        default: return String(cString: strerror(code))
        }
    }
}
