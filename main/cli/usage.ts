import { MAX_DEMO_DEVICES } from '../core/workspace/seedSandbox';

export const usage = `Usage: carrier-ops <command> [options]

Workspace:
  init                Create the sandbox workspace (demo customers, carrier accounts, devices)
  serve               Serve the console to a browser on 127.0.0.1 (creates the sandbox if empty)

Bulk changes (run in this process: keep it open until the change ends, or Ctrl-C to pause):
  submit              Plan a bulk change, queue it and run it until it ends
  import <file>       Check a customer's xlsx, xls or csv row by row, then submit and run it
  status [id]         The latest 20 bulk changes, or one with its counts
  pause <id>          Stop sending more of a bulk change (calls already out finish)
  resume <id>         Carry on with a paused bulk change, until it ends
  cancel <id>         Cancel the devices not yet sent
  retry-failed <id>   Queue the failed devices again and run them until the change ends
  verify-audit        Check the audit log's hash chain end to end

Reports and evidence (written to --out; .xlsx, .csv or .pdf says the format):
  report bulk-change <id>      A bulk change's summary and every device, before → after
  report compliance            Who changed what, when, with what result, --from/--to days
  report device <iccid|imei>   Every change of one device, also by an ICCID it had before a swap
  evidence <id>                A finished bulk change's evidence pack (--out pack.zip): its
                               reports, the imported file, its audit entries and the log's
                               check, with a README telling an auditor how to re-check it
  reconcile <id>               Ask the carriers about every device of a finished bulk change
                               and list what differs from our records (--out optional;
                               Ctrl-C keeps what was asked)

Options:
  --data <dir>        Workspace folder (default: $CARRIER_OPS_DATA or the app's data folder)
  -h, --help          Show this help

init, serve:
  --devices <n>       Demo devices for a new sandbox, 0 to ${MAX_DEMO_DEVICES.toLocaleString('en-US')} (default 2,000)
  --port <n>          serve: port on 127.0.0.1 (default: a free one)

submit:
  --type <type>       statusUpdate, carrierRatePlanChange, customerRatePlanChange,
                      customerAssignment or identifierChange
  --set key=value     One setting of the change; repeat for more. Numbers, true/false and
                      null are read as such, except where the setting is text (zip codes)
  --params <json>     Settings as a JSON object; --set values override it
  --ids a,b,c         Devices by ICCID, IMEI or MSISDN
  --file <path>       A text or CSV file, one device per line in the first column; a header
                      line such as "iccid" is skipped. For spreadsheets use \`import\`
  --swaps <csv>       identifierChange: a CSV with the header iccid,newIccid,newImei
                      (its iccid column is the device list)
  --title <text>      The bulk change's title (default: its type and device count)
  --dry-run           Show what would change per device and which are refused; write nothing
  --allow-refused     Go ahead without the devices that can't take the change

  Settings by type:
    statusUpdate            action=activate|suspend|restore|deactivate, and for activation
                            ratePlan=<code> zipCode=<5 digits>; deactivation etfWaiver=true
    carrierRatePlanChange   ratePlan=<code>
    customerRatePlanChange  customerRatePlanId=<id> customerPoolId=<id|null>
                            dataAllocationMb=<n|null> effectiveDate=<2026-12-01>
    customerAssignment      customerId=<id> siteId= customerRatePlanId= customerPoolId=
                            serviceCode=
    identifierChange        --swaps <csv>

import <file>:
  --type, --set, --params, --title   As for submit; a mapped column (status, plan,
                      customer, site, effective date) overrides them row by row
  --dry-run           Check every row and list the problems; write nothing (exit 2 if any
                      row has an error)
  --skip-errors       Submit without the rows that have errors (otherwise none is queued)
  --draft <title>     Save the checked rows as a draft to submit later from the console

verify-audit:
  --head <id>:<hash>  Also prove the log was not rewritten up to a head written down earlier
                      (an evidence pack's verification.json chainHead)

report, evidence, reconcile:
  --out <file>        Where to write the report: .xlsx, .csv or .pdf (by its extension)
  --from, --to <day>  compliance: bulk changes created on these days (YYYY-MM-DD), both included
  --tenant <id>, --carrier <thingspace|jasper|telegence|pond>, --type <change type>,
  --user <name>, --outcome <SUCCEEDED|FAILED|…>   compliance: narrow the rows
  --time-zone <zone>  Write times in this zone, e.g. Europe/Paris (default: this computer's)

Output: on a terminal, progress on stderr and a summary on stdout. Otherwise JSON lines on
stdout for scripts: {"type":"created",…}, one {"type":"progress",…} per update, and a final
{"type":"summary",…} with the bulk change's status. status prints summary lines the same way.

Exit codes:
  0    done: the bulk change ended PROCESSED, or the command did what it was asked
  1    unexpected failure (a bug; the details are on stderr)
  2    bad input: unknown command, type or option, bad settings, refused devices (none
       are queued unless --allow-refused), an unreadable file, no such bulk change, or
       an action the bulk change does not allow now; --dry-run with refused devices
  3    the bulk change ended PARTIAL: some devices failed or need review; reconcile:
       nothing differs but some devices could not be checked
  4    the bulk change ended ERROR or CANCELLED; verify-audit, evidence: the audit log is
       broken; reconcile: differences found
  130  interrupted by Ctrl-C; a running bulk change is paused (carrier-ops resume <id>);
       reconcile: stopped, the devices already asked are kept

Examples:
  carrier-ops submit --type statusUpdate --set action=suspend --file suspend.csv --dry-run
  carrier-ops submit --type carrierRatePlanChange --set ratePlan=IOT-1GB --ids 8901…,8901…
  carrier-ops status 12
  carrier-ops report compliance --from 2026-11-01 --to 2026-11-30 --carrier jasper --out nov.xlsx`;
