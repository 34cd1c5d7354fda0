import { spawnSync } from 'node:child_process';

/** The commands an evidence pack's README.txt gives ("    $ " lines, with their here-documents), in order. */
export function readmeCommands(readme: string): string[] {
  const lines = readme.split('\n');
  const commands: string[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!;
    if (!line.startsWith('    $ ')) continue;
    let command = line.slice(6);
    const heredoc = /<<'(\w+)'$/.exec(command);
    if (heredoc) {
      const end = `    ${heredoc[1]}`;
      for (i += 1; i < lines.length && lines[i] !== end; i += 1)
        command += `\n${lines[i]!.slice(4)}`;
      command += `\n${heredoc[1]}`;
    }
    commands.push(command);
  }
  return commands;
}

/** Runs commands as one bash script that stops at the first failure; output is stdout + stderr. */
export function runProcedure(commands: string[], cwd: string): { status: number; output: string } {
  const run = spawnSync('bash', ['-e', '-c', commands.join('\n')], { cwd, encoding: 'utf8' });
  return { status: run.status ?? -1, output: run.stdout + run.stderr };
}
