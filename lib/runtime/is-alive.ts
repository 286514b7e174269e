/** Whether a process with this id is running on this machine (signal 0 only checks). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user (a CLI export run by someone else, a server
    // under its own account): alive, not to be taken over.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
