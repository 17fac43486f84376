package nightly

import (
	"github.com/schollz/progressbar/v3"
)

// progress shows a bar on a terminal (Options.Progress) and nothing
// elsewhere: under cron or CI the log lines say what happened.
type progress struct{ bar *progressbar.ProgressBar }

func newProgress(o *Options, dirs []string) *progress {
	f := o.Progress
	if f == nil {
		return &progress{}
	}
	// Counting the files lists every folder once more: only worth it
	// when someone watches the bar.
	total := countFiles(dirs)
	if total == 0 {
		return &progress{}
	}
	return &progress{bar: progressbar.NewOptions(total,
		progressbar.OptionSetWriter(f),
		progressbar.OptionSetDescription("articles"),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("articles"),
		progressbar.OptionClearOnFinish(),
	)}
}

func (p *progress) add(n int) {
	if p.bar != nil {
		_ = p.bar.Add(n)
	}
}

func (p *progress) finish() {
	if p.bar != nil {
		_ = p.bar.Finish()
	}
}
